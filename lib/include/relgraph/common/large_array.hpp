#pragma once
// Arrays of millions of values (the store's columns while it is built, a search's distance
// table): std::vector with an allocator that maps each large array on its own and asks for it to
// be backed by 2 MiB pages (transparent huge pages). A fresh 4 KiB page costs a page fault when it
// is first written, a 2 MiB page one fault for 512 of them: on a virtual machine, where a fault
// costs microseconds, that is much of the time it takes to fill a fresh array. Freed arrays go
// straight back to the system, so the memory a process holds follows what it uses.
//
// resize() without a value leaves new values uninitialized: for arrays written whole once sized.

#include <cstddef>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace relgraph {

namespace detail {
// Below this many bytes, memory comes from operator new.
inline constexpr std::size_t kLargeArrayBytes = std::size_t{1} << 20;
void* mapLargeArray(std::size_t bytes);
void unmapLargeArray(void* at, std::size_t bytes) noexcept;
void releaseLargeArrayTail(const void* at, std::size_t used, std::size_t capacity) noexcept;
}  // namespace detail

template <class T>
struct LargeArrayAllocator {
    using value_type = T;

    LargeArrayAllocator() = default;
    template <class U>
    LargeArrayAllocator(const LargeArrayAllocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        if (n > std::size_t(-1) / sizeof(T)) throw std::bad_array_new_length();
        const std::size_t bytes = n * sizeof(T);
        if (bytes < detail::kLargeArrayBytes) return std::allocator<T>().allocate(n);
        return static_cast<T*>(detail::mapLargeArray(bytes));
    }

    void deallocate(T* at, std::size_t n) noexcept {
        if (n * sizeof(T) < detail::kLargeArrayBytes) std::allocator<T>().deallocate(at, n);
        else detail::unmapLargeArray(at, n * sizeof(T));
    }

    template <class U, class... Args>
    void construct(U* at, Args&&... args) {
        if constexpr (sizeof...(Args) == 0) ::new (static_cast<void*>(at)) U;
        else ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
    }

    template <class U>
    bool operator==(const LargeArrayAllocator<U>&) const noexcept {
        return true;
    }
};

template <class T>
using LargeArray = std::vector<T, LargeArrayAllocator<T>>;

// Gives the whole pages inside [begin, end) of a large array back to the system: for values that
// are never read again (they would read as zero).
void releasePages(const void* begin, const void* end) noexcept;

// Gives back the memory past an array's values that it holds only because huge pages are whole
// (an array that is done growing: the memory comes back if it grows again).
template <class T>
void releaseUnused(const LargeArray<T>& array) noexcept {
    if (array.capacity() * sizeof(T) >= detail::kLargeArrayBytes) {
        detail::releaseLargeArrayTail(array.data(), array.size() * sizeof(T), array.capacity() * sizeof(T));
    }
}

}  // namespace relgraph
