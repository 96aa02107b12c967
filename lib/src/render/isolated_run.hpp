#pragma once
// Runs Graphviz layout and rendering in a forked child process, so that a Graphviz crash or a
// layout that never ends becomes a clear error instead of taking the caller down or hanging it.

#include <chrono>
#include <functional>
#include <string>

namespace relgraph::render {

// The string `work` returns, computed in a child process. Throws RenderError naming `what` when
// the child crashes, exceeds `limit` (it is killed), or `work` throws (its message is passed on).
std::string runIsolated(const std::function<std::string()>& work, std::chrono::milliseconds limit,
                        const std::string& what);

}  // namespace relgraph::render
