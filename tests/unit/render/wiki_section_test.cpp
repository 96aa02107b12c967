#include <doctest/doctest.h>

#include <map>
#include <regex>

#include "relgraph/render/markup_text.hpp"
#include "relgraph/render/wiki_section.hpp"
#include "render/render_test_support.hpp"

using namespace relgraph;
using testing::has;

namespace {
std::map<std::string, std::string> section(render::WikiMarkup markup, bool png = false) {
    render::WikiOptions options;
    options.markup = markup;
    options.png = png;
    std::map<std::string, std::string> files;
    for (auto& f : render::wikiSection(testing::tiny(), testing::defaultTheme(testing::tiny()), options)) {
        CHECK(files.emplace(f.path, std::move(f.content)).second);  // no path written twice
    }
    return files;
}
}  // namespace

TEST_CASE("wiki: a page and a diagram per entity, an index and an overview") {
    const auto files = section(render::WikiMarkup::Markdown, true);
    const store::GraphStore& s = testing::tiny();
    CHECK(files.size() == 2 + 3 * s.entityCount() + 1);  // index + overview svg/png, per entity md/svg/png
    for (store::Vertex v = 0; v < s.entityCount(); ++v) {
        const std::string id(s.entity(v).id());
        CAPTURE(id);
        CHECK(files.count(id + ".md") == 1);
        CHECK(files.count("images/" + id + ".svg") == 1);
        CHECK(files.at("images/" + id + ".png").rfind("\x89PNG", 0) == 0);
    }
    CHECK(has(files.at("index.md"), "![The whole graph](images/overview.svg)"));
}

TEST_CASE("wiki: every link on every page points at a file of the section") {
    const auto files = section(render::WikiMarkup::Markdown, true);
    const std::regex link(R"(\]\(([^)]+)\))");
    std::size_t links = 0;
    for (const auto& [path, content] : files) {
        if (path.size() < 3 || path.substr(path.size() - 3) != ".md") continue;
        for (auto it = std::sregex_iterator(content.begin(), content.end(), link); it != std::sregex_iterator(); ++it) {
            CAPTURE(path);
            CHECK(files.count((*it)[1].str()) == 1);
            ++links;
        }
    }
    CHECK(links > 50);
}

TEST_CASE("wiki: an entity page lists relations with who reported each") {
    const auto files = section(render::WikiMarkup::Markdown);
    const std::string& page = files.at("alpha.md");
    CHECK(page.rfind("# Alphaland\n\n*Country* \u00B7 also Republic of Alpha, AL\n\n", 0) == 0);
    CHECK(has(page, "![Alphaland and its neighbours within 1 hop](images/alpha.svg)"));
    CHECK(has(page, "### sent workers\n"));
    CHECK(has(page, "- sent workers \u2192 [Betastan](beta.md) \u2014 sector: construction\n"));
    CHECK(has(page, "  - Alpha Intelligence Agency \u2192 Wire Service \u2192 The Daily (2025-02-10): "
                    "\\[2025-02-09\\] The agency says about 1,000 workers went.\n"));
    CHECK(has(page, "\\[Repost of the Daily report\\] (2025-02-11, republication): \\[2025-02-09\\] The repost"));
}

TEST_CASE("wiki: MediaWiki pages wrap data in nowiki and embed uploaded files") {
    const auto files = section(render::WikiMarkup::MediaWiki);
    const std::string& page = files.at("bob.wiki");
    CHECK(page.rfind("= <nowiki>Bob \"the Builder\" Brown</nowiki> =\n", 0) == 0);
    CHECK(has(page, "[[File:Relgraph-bob.svg|frameless|upright=2|alt=<nowiki>"));
    CHECK(has(page, "[[workers|<nowiki>Alphan workers</nowiki>]]"));
    CHECK(has(files.at("weird.wiki"), "<nowiki>Back\\slash &amp; &lt;Tag&gt; \"Q\" \\N é</nowiki>"));
}

TEST_CASE("wiki: data cannot break out of the markup") {
    CHECK(render::mediawikiText("</nowiki><script>x</script>") ==
          "<nowiki>&lt;/nowiki&gt;&lt;script&gt;x&lt;/script&gt;</nowiki>");
    CHECK(render::markdownText("[x](javascript:alert(1)) <b>*_`") == "\\[x\\](javascript:alert(1)) &lt;b&gt;\\*\\_\\`");
    CHECK(render::markdownText("# not a heading") == "\\# not a heading");
    CHECK(render::markdownText("- not a list, 1. not either") == "\\- not a list, 1. not either");
    CHECK(render::markdownText("2017. A year") == "2017\\. A year");
    CHECK(render::markdownText("a|b ~~c~~ $x$") == "a\\|b \\~\\~c\\~\\~ \\$x\\$");
    CHECK(render::markdownText("line\nbreak") == "line break");
}

TEST_CASE("wiki: the same graph gives the same files") {
    CHECK(section(render::WikiMarkup::Markdown, true) == section(render::WikiMarkup::Markdown, true));
}
