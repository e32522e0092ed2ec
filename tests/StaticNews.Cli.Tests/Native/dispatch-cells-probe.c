/*
 * For DispatchCellPrefaultTests: a stand-in for the interface dispatch cells of a natively compiled .NET executable, laid
 * out as .NET's compiler lays them out (blocks of 32 cells that start on the same stub, each block ended by an empty slot,
 * other data after the last block), under the symbol the constructor looks for. The program writes to every page of the
 * cells, then to the pages of the data after them that the cells do not reach, and prints how many page faults each took:
 * "cells=N after=M". Built with -DWITHOUT_CELLS, it has no such symbol and prints "ran".
 */
#include <stdint.h>
#include <stdio.h>
#include <sys/resource.h>

#define PAGE 4096

#ifndef WITHOUT_CELLS

struct dispatch_cell
{
    const void *stub;
    uintptr_t cache;
};

/* A number, not a function's address: a pointer would need relocating at start-up, which would write the pages first. */
#define CELL { (const void *)0x5eed, 3 }
#define CELLS_4 CELL, CELL, CELL, CELL
#define CELLS_32 CELLS_4, CELLS_4, CELLS_4, CELLS_4, CELLS_4, CELLS_4, CELLS_4, CELLS_4
#define BLOCK CELLS_32, { 0, 0 }
#define BLOCKS_8 BLOCK, BLOCK, BLOCK, BLOCK, BLOCK, BLOCK, BLOCK, BLOCK
#define BLOCKS 40
#define AFTER_PAGES 4

struct layout
{
    struct dispatch_cell cells[BLOCKS * 33];
    unsigned char after[AFTER_PAGES * PAGE];
};

/* Initialized, so it lies in the executable's data as the cells do; the first byte after the cells is not a cell's. */
struct layout section __asm__("__InterfaceDispatchCellSection_Start") __attribute__((aligned(PAGE))) = {
    { BLOCKS_8, BLOCKS_8, BLOCKS_8, BLOCKS_8, BLOCKS_8 },
    { 0x24 },
};

static long faults(void)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt + usage.ru_majflt;
}

/* Writes a byte to each page of [from, to) and returns the page faults that took. */
static long write_each_page(volatile unsigned char *from, volatile unsigned char *to)
{
    long before = faults();
    for (volatile unsigned char *at = from; at < to; at += PAGE)
    {
        *at = 1;
    }

    return faults() - before;
}

int main(void)
{
    volatile unsigned char *start = (volatile unsigned char *)&section;
    uintptr_t cells_end = sizeof section.cells;
    uintptr_t first_page_past_cells = (cells_end + PAGE - 1) / PAGE * PAGE;
    long cells = write_each_page(start, start + cells_end);
    long after = write_each_page(start + first_page_past_cells, start + sizeof section);
    printf("cells=%ld after=%ld\n", cells, after);
    return 0;
}

#else

int main(void)
{
    printf("ran\n");
    return 0;
}

#endif
