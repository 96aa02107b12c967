#pragma once
// How entity kinds look: a shape and a colour-blind-safe colour each.

#include <map>
#include <string>

#include "relgraph/model/schema.hpp"

namespace relgraph::render {

struct NodeStyle {
    std::string shape;
    std::string fillColor;
    std::string lineColor;
};

class Theme {
public:
    // Each kind of `schema` gets its own (shape, colour) pair: colours from the Okabe–Ito palette,
    // shapes from a list whose length is coprime with the palette's, assigned in kind-name order.
    explicit Theme(const model::Schema& schema);

    const NodeStyle& kindStyle(const std::string& kind) const;
    static const NodeStyle& relationStyle();
    static const NodeStyle& sourceStyle();

private:
    std::map<std::string, NodeStyle> kinds_;
};

}  // namespace relgraph::render
