#include "relgraph/common/large_array.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace relgraph::detail {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

// Whole huge pages, so that the last one is not shared with another mapping.
std::size_t mappedBytes(std::size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

}  // namespace

void* mapLargeArray(std::size_t bytes) {
    const std::size_t length = mappedBytes(bytes);
    void* at = ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (at == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    ::madvise(at, length, MADV_HUGEPAGE);  // a hint: without huge pages, the array works all the same
#endif
    return at;
}

void unmapLargeArray(void* at, std::size_t bytes) noexcept { ::munmap(at, mappedBytes(bytes)); }

void releaseLargeArrayTail(const void* at, std::size_t used, std::size_t capacity) noexcept {
    const char* start = static_cast<const char*>(at);
    releasePages(start + used, start + mappedBytes(capacity));
}

}  // namespace relgraph::detail

namespace relgraph {

void releasePages(const void* begin, const void* end) noexcept {
    constexpr std::uintptr_t kPage = 4096;
    const std::uintptr_t from = (reinterpret_cast<std::uintptr_t>(begin) + kPage - 1) & ~(kPage - 1);
    const std::uintptr_t to = reinterpret_cast<std::uintptr_t>(end) & ~(kPage - 1);
    if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
}

}  // namespace relgraph
