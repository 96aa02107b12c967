#pragma once
// Links from diagram nodes to wiki pages: 'https://wiki.example.org/wiki/{name}'.

#include <string>
#include <string_view>

namespace relgraph::render {

class LinkTemplate {
public:
    LinkTemplate() = default;  // no links

    // Accepts http:// and https:// templates of printable ASCII URL characters (no quotes,
    // backslashes, angle brackets, spaces or braces other than the placeholders {name}, {id},
    // {kind}). Throws QueryError naming what is wrong.
    explicit LinkTemplate(std::string_view pattern);

    bool empty() const { return pattern_.empty(); }

    // The URL for an entity, every substituted part percent-encoded (RFC 3986 unreserved
    // characters kept; a space becomes %20).
    std::string expand(std::string_view name, std::string_view id, std::string_view kind) const;

private:
    std::string pattern_;
};

// "a b/é" -> "a%20b%2F%C3%A9"
std::string percentEncode(std::string_view s);

}  // namespace relgraph::render
