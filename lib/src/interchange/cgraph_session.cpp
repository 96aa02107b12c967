#include "interchange/cgraph_session.hpp"

#include "relgraph/common/graphviz_lock.hpp"

namespace relgraph::interchange {

namespace {

std::string collected;  // guarded by graphvizMutex()

int collect(char* message) {
    collected += message;
    return 0;
}

struct StringReader {
    std::string_view text;
    std::size_t at = 0;
};

// Hands the lexer one line at a time, as cgraph's own agmemread does.
int readLine(void* channel, char* buffer, int size) {
    auto* reader = static_cast<StringReader*>(channel);
    int n = 0;
    while (reader->at < reader->text.size() && n < size) {
        const char c = reader->text[reader->at++];
        buffer[n++] = c;
        if (c == '\n') break;
    }
    return n;
}

int append(void* channel, const char* text) {
    static_cast<std::string*>(channel)->append(text);
    return 0;
}
int noFlush(void*) { return 0; }

Agiodisc_t stringIo{readLine, append, noFlush};
Agdisc_t stringDisc{&AgMemDisc, &AgIdDisc, &stringIo};

}  // namespace

CgraphSession::CgraphSession() : lock_(graphvizMutex()) {
    collected.clear();
    previous_ = agseterrf(collect);
    agseterr(AGWARN);
}

CgraphSession::~CgraphSession() { agseterrf(previous_); }

const std::string& CgraphSession::messages() const { return collected; }

Agraph_t* CgraphSession::read(std::string_view text, int& moreGraphs) {
    StringReader reader{text};
    agreadline(1);
    Agraph_t* graph = agread(&reader, &stringDisc);
    // cgraph's lexer keeps what it read past the graph for the next agread, which would then start
    // with the rest of this text: read the rest out here (counting any further graphs).
    // After a syntax error that rest means nothing: what cgraph says about it is dropped.
    const std::size_t said = collected.size();
    moreGraphs = 0;
    while (Agraph_t* more = agread(&reader, &stringDisc)) {
        ++moreGraphs;
        agclose(more);
    }
    if (!graph) collected.resize(said);
    return graph;
}

Agraph_t* CgraphSession::open(const char* name, Agdesc_t kind) {
    return agopen(const_cast<char*>(name), kind, &stringDisc);
}

std::string CgraphSession::write(Agraph_t* graph) {
    std::string out;
    agwrite(graph, &out);
    return out;
}

}  // namespace relgraph::interchange
