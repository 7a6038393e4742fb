// glibc's allocator controls (mallopt, malloc_trim, malloc_info), which Swift's Glibc module does
// not export. Heap.swift uses them only where Glibc is imported; elsewhere this may be empty.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
