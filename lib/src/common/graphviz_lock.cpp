#include "relgraph/common/graphviz_lock.hpp"

namespace relgraph {

std::mutex& graphvizMutex() {
    static std::mutex mutex;
    return mutex;
}

}  // namespace relgraph
