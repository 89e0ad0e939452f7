from bisect import bisect_left, insort

LOAD = 1000  # a block splits in two past this many values


def shelf_ranks(ops: list[tuple[str, int]]) -> list[int]:
    # The shelf is a list of sorted blocks (each at most LOAD values, blocks in
    # order) plus the last value of each block. An add or remove shifts only one
    # block; rank and k-th walk the block sizes (few blocks) then bisect or index.
    blocks: list[list[int]] = []
    lasts: list[int] = []
    out = []
    push = out.append
    for name, value in ops:
        if name == "add":
            b = bisect_left(lasts, value)
            if b == len(blocks):
                if not blocks:
                    blocks.append([value])
                    lasts.append(value)
                    continue
                b -= 1
                block = blocks[b]
                block.append(value)
                lasts[b] = value
            else:
                block = blocks[b]
                insort(block, value)
            if len(block) > LOAD:
                half = len(block) >> 1
                blocks.insert(b + 1, block[half:])
                del block[half:]
                lasts.insert(b, block[-1])
        elif name == "remove":
            b = bisect_left(lasts, value)
            block = blocks[b]
            del block[bisect_left(block, value)]
            if block:
                lasts[b] = block[-1]
            else:
                del blocks[b]
                del lasts[b]
        elif name == "rank":
            b = bisect_left(lasts, value)
            total = 0
            for i in range(b):
                total += len(blocks[i])
            if b < len(blocks):
                total += bisect_left(blocks[b], value)
            push(total)
        else:
            k = value - 1
            for block in blocks:
                if k < len(block):
                    push(block[k])
                    break
                k -= len(block)
    return out
