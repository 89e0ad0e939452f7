def block_checksums(data: bytes, block: int) -> list[int]:
    """Cut data into consecutive blocks of block bytes each; the last block
    is shorter when len(data) is not a multiple of block, and empty data has
    no block. For a block of m bytes c[0], c[1], ..., c[m-1] (each 0 .. 255):

        low  = (c[0] + c[1] + ... + c[m-1]) % 255
        high = (m * c[0] + (m - 1) * c[1] + ... + 2 * c[m-2] + 1 * c[m-1]) % 255

    and the block's checksum is high * 256 + low. Return the checksums of all
    blocks, in order.

    Bounds: 0 <= len(data) <= 2_300_000; 1 <= block <= 2**20.

    >>> block_checksums(b"abcde", 2)
    [9667, 11207, 25957]
    >>> block_checksums(b"", 8)
    []
    """
