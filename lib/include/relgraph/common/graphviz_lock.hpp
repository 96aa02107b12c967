#pragma once
// Graphviz (cgraph and gvc) is not thread-safe, and two threads with separate contexts still crash
// it: every stage that calls Graphviz holds this one lock for the whole call.

#include <mutex>

namespace relgraph {

std::mutex& graphvizMutex();

}  // namespace relgraph
