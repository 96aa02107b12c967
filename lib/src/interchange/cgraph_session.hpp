#pragma once
// Exclusive use of Graphviz's cgraph (it keeps global state and is not thread-safe) with its error
// messages collected instead of printed, and the I/O disciplines that read and write strings.

#include <cgraph.h>

#include <mutex>
#include <string>
#include <string_view>

namespace relgraph::interchange {

class CgraphSession {
public:
    CgraphSession();
    ~CgraphSession();
    CgraphSession(const CgraphSession&) = delete;
    CgraphSession& operator=(const CgraphSession&) = delete;

    // Everything cgraph reported since the session began.
    const std::string& messages() const;

    // Parses the first graph in `text`; nullptr on a syntax error (see messages()). `moreGraphs`
    // tells how many graphs follow it in the text (they are not read).
    Agraph_t* read(std::string_view text, int& moreGraphs);
    // A new empty graph whose agwrite() output goes to a string (see write()).
    Agraph_t* open(const char* name, Agdesc_t kind);
    std::string write(Agraph_t* graph);

private:
    std::unique_lock<std::mutex> lock_;
    agusererrf previous_;
};

// cgraph predates const: its functions take char*. It copies what it is given.
inline char* cgraphText(const std::string& s) { return const_cast<char*>(s.c_str()); }

}  // namespace relgraph::interchange
