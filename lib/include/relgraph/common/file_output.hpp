#pragma once
// Writing result files: all or nothing.

#include <filesystem>
#include <string_view>

namespace relgraph {

// Writes `content` to a temporary file beside `path`, then renames it over `path`: a reader sees
// the old file or the new one, never a partial one. Throws OutputError naming the path.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content);

// Writes (atomically) only when the file is missing or holds other bytes, so regenerating
// unchanged output leaves files and their modification times alone. Returns whether it wrote.
bool writeFileIfChanged(const std::filesystem::path& path, std::string_view content);

}  // namespace relgraph
