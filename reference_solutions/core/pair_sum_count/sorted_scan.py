def count_pairs(values: list[int], target: int) -> int:
    # Sort then walk two pointers over runs of equal values: O(n log n).
    ordered = sorted(values)
    left, right = 0, len(ordered) - 1
    total = 0
    while left < right:
        pair = ordered[left] + ordered[right]
        if pair < target:
            left += 1
        elif pair > target:
            right -= 1
        elif ordered[left] == ordered[right]:
            run = right - left + 1
            total += run * (run - 1) // 2
            break
        else:
            low, high = ordered[left], ordered[right]
            run_low = run_high = 0
            while left <= right and ordered[left] == low:
                left += 1
                run_low += 1
            while right >= left and ordered[right] == high:
                right -= 1
                run_high += 1
            total += run_low * run_high
    return total
