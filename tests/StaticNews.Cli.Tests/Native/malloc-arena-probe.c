/*
 * For OneMallocArenaTests: four threads each hold a block of the C heap at the same time, so that each one that finds no
 * arena free takes a new one (up to the limit); then the program prints how many arenas the heap has (malloc_info's heaps).
 */
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 4

static pthread_barrier_t all_hold_a_block;

/* Where each thread keeps its block: a block nothing reads could be left unallocated by the compiler. */
static void *volatile blocks[THREADS];

static void *hold_a_block(void *slot)
{
    void *volatile *kept = slot;
    *kept = malloc(4096);
    pthread_barrier_wait(&all_hold_a_block);
    free(*kept);
    return NULL;
}

int main(void)
{
    pthread_t threads[THREADS];
    pthread_barrier_init(&all_hold_a_block, NULL, THREADS);
    for (int i = 0; i < THREADS; i++)
    {
        if (pthread_create(&threads[i], NULL, hold_a_block, (void *)&blocks[i]) != 0)
        {
            return 2;
        }
    }

    for (int i = 0; i < THREADS; i++)
    {
        pthread_join(threads[i], NULL);
    }

    char *report = NULL;
    size_t length = 0;
    FILE *stream = open_memstream(&report, &length);
    if (stream == NULL || malloc_info(0, stream) != 0)
    {
        return 3;
    }

    fclose(stream);
    int heaps = 0;
    for (const char *at = report; (at = strstr(at, "<heap nr=")) != NULL; at++)
    {
        heaps++;
    }

    printf("%d\n", heaps);
    free(report);
    return 0;
}
