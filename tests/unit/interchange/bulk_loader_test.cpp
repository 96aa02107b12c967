// Edge lists, neo4j-admin CSV and node-link JSON read as recorded (outcome_checks.hpp): each read
// gives the graph (entities, relations, kinds, types, attribute values, files and notes) or the
// problems at their places that tests/unit/interchange/expected/ holds, recorded when relgraph had a
// reader that read files whole and one that streamed them, and both were asserted to give them. The
// block reader splits records as a plain whole-text splitter does, whatever the blocks. The last test
// cases check the progress a read reports, the cap on problems, and mixed inputs.

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <map>
#include <random>
#include <set>

#include "interchange/block_reader.hpp"
#include "interchange/csv_reference.hpp"
#include "interchange/interchange_checks.hpp"
#include "interchange/outcome_checks.hpp"
#include "interchange/text_position.hpp"
#include "relgraph/interchange/graph_reader.hpp"
#include "relgraph/load/graph_loader.hpp"
#include "relgraph/interchange/graph_writer.hpp"
#include "relgraph/store/graph_store.hpp"
#include "relgraph/store/store_records.hpp"
#include "unreadable_file.hpp"

namespace {

using namespace relgraph;
using namespace relgraph::testing;
namespace fs = std::filesystem;

// The lines of a broken fixture's .expected file: each problem at its place (file:line:column).
std::vector<std::string> expectedLines(const fs::path& input) {
    std::vector<std::string> lines;
    std::istringstream expected(readText(fs::path(input).replace_extension(".expected")));
    for (std::string line; std::getline(expected, line);) {
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

}  // namespace

TEST_CASE("bulk load: SNAP, LDBC and neo4j-admin fixtures read as recorded") {
    checkOutcome("fixtures/snap.txt", {interchangeFixtures() / "snap.txt"});
    interchange::ReadOptions knows;
    knows.edgeList.typeByFile["ldbc.csv"] = "knows";
    checkOutcome("fixtures/ldbc.csv-typed-knows", {interchangeFixtures() / "ldbc.csv"}, knows);
    checkOutcome("fixtures/ldbc.csv", {interchangeFixtures() / "ldbc.csv"});
    checkOutcome("fixtures/neo4j", {interchangeFixtures() / "neo4j"});
    checkOutcome("fixtures/neo4j-people-snap-ldbc",
                 {interchangeFixtures() / "neo4j" / "people.csv", interchangeFixtures() / "snap.txt",
                  interchangeFixtures() / "ldbc.csv"});
}

TEST_CASE("bulk load: edge lists with and without headers, every delimiter, comments, quotes, CRLF and BOM") {
    TempFolder folder;
    checkOutcome("edge-lists/header.tsv", {folder.write("header.tsv", "source\ttarget\n1\t2\n2\t3\n")});
    checkOutcome("edge-lists/plain.txt", {folder.write("plain.txt", "1 2\n2   3\n  3\t1  \n\n# comment\n")});
    checkOutcome("edge-lists/words.txt", {folder.write("words.txt", "alice bob\ncarol dave\n")});
    checkOutcome("edge-lists/numbers-after-words.csv",
                 {folder.write("numbers-after-words.csv", "from_node,to_node\n1,2\n")});
    checkOutcome("edge-lists/pipes.csv", {folder.write("pipes.csv", "a|b\nb|c\nc|a\n")});
    checkOutcome("edge-lists/tabs.el", {folder.write("tabs.el", "# comment first\n\na\tb\r\nb\tc\r\n")});
    checkOutcome("edge-lists/commas.edges",
                 {folder.write("commas.edges", "a,b\nb,c\na,b\na,b\n")});  // parallel edges: -2, -3
    checkOutcome("edge-lists/bom.csv", {folder.write("bom.csv", "\xEF\xBB\xBFsrc,dst,w\na,b,1\n")});
    checkOutcome("edge-lists/quoted.csv",
                 {folder.write("quoted.csv",
                               "\"from\",\"to\",\"note\"\n\"a,1\",\"b \"\"2\"\"\",\"two, words\"\r\n"
                               "c,\"d\",\"\"\n")});
    checkOutcome("edge-lists/lone-cr.csv", {folder.write("lone-cr.csv", "a,b\rc,d\ne,f")});
    checkOutcome("edge-lists/comment-inside.txt", {folder.write("comment-inside.txt", "1 2\n# 3 4\n#\n5 6\n")});
    interchange::ReadOptions header;
    header.edgeList.header = true;
    checkOutcome("edge-lists/forced-header.txt", {folder.write("forced-header.txt", "1 2\n3 4\n")}, header);
    header.edgeList.header = false;
    checkOutcome("edge-lists/no-header.txt", {folder.write("no-header.txt", "source target\n3 4\n")}, header);
    interchange::ReadOptions forced;
    forced.format = interchange::Format::EdgeList;
    checkOutcome("edge-lists/looks-neo4j.csv", {folder.write("looks-neo4j.csv", ":START_ID,:END_ID\n1,2\n")}, forced);
}

TEST_CASE("bulk load: edge-list types, typed columns, kinds from headings and renamed properties") {
    TempFolder folder;
    checkOutcome("edge-list-columns/typed.csv",
                 {folder.write("typed.csv", "from,to,type\na,b,likes\nb,a,LIKES\na,c,\nc,a,Likes It\n")});
    interchange::ReadOptions options;
    options.edgeList.nodeKind = "City";
    options.edgeList.header = false;
    options.edgeList.edgeType = "road";
    checkOutcome("edge-list-columns/weights.tsv",
                 {folder.write("weights.tsv",
                               "x\ty\t1\t0.5\ttrue\tmixed\ttype\nb\tc\t2\t3\tFALSE\t4\tKNOWS\n"
                               "c\tx\t\t1e3\t\t\t\n")},
                 options);
    checkOutcome("edge-list-columns/ldbc.csv", {folder.write("ldbc.csv",
                                                             "Person.id|Company.id|since|Work From|work_from|@name\n"
                                                             "1|c1|2010|x|y|z\n2|c1||  |y|\n1|c2|2011.5|x||\n")});
    checkOutcome("edge-list-columns/label.csv",
                 {folder.write("label.csv", "from,to,label,Weight (kg)\na,b,Friend,1\nb,c,,2\nc,a,  ,x\n")});
    checkOutcome("edge-list-columns/kinds.csv", {folder.write("kinds.csv", "Person.id,person.ID\na,b\nb,c\n")});
    // One attribute, numbers in one file (or column) and text in another: the numbers are their JSON
    // text ("7" for "007").
    checkOutcome("edge-list-columns/numbers-and-words", {folder.write("numbers.csv", "from,to,w\na,b,007\nb,c,1.50\n"),
                                                         folder.write("words.csv", "from,to,w\na,b,heavy\n")});
    checkOutcome("edge-list-columns/twice.csv", {folder.write("twice.csv", "from,to,w,w\na,b,t,FALSE\nc,d,FALSE,\n")});
    options = {};
    options.edgeList.typeByFile["second.csv"] = "follows";
    options.edgeList.edgeType = "knows";
    checkOutcome("edge-list-columns/first-and-second",
                 {folder.write("first.csv", "from,to,w\na,b,1\nb,c,2\n"),
                  folder.write("second.csv", "from,to,w\na,b,3\nc,d,4\n")},
                 options);
}

TEST_CASE("bulk load: ids made identifiers and unique, names made unique, original ids kept") {
    TempFolder folder;
    checkOutcome("ids/ids.csv",
                 {folder.write("ids.csv", "A b,a-b\na-b,A B\nCafé,cafe\nnode,!!!\nx,X\nx-2,y\n-x-,x.\n")});
    checkOutcome("ids/long.txt", {folder.write("long.txt", std::string(95, 'a') + " " + std::string(95, 'A') + "\n" +
                                                               std::string(90, 'a') + " b\n")});
    checkOutcome("ids/both.csv", {folder.write("both.csv", "Alice,alice\nalice,ALICE\n")});
    // Parallel relations are "-2", "-3" …, which may be another relation's id too when entity ids hold
    // '-': then every relation's id is made as graph_mapper makes them (the inputs are read again).
    checkOutcome("ids/parallel.txt", {folder.write("parallel.txt", "2 x\n2 x\n2 x-2\n2 x-2\n")});
    checkOutcome("ids/parts.csv", {folder.write("parts.csv", "from,to,type\na-b,c,x\na,c,b-x\n")});
    // Relation ids made from long entity ids are cut short, and so may be another relation's.
    const std::string longId(60, 'x');
    checkOutcome("ids/long-relations.txt",
                 {folder.write("long-relations.txt",
                               "a " + longId + "1\na " + longId + "2\n" + longId + "1 a\n" + longId + "1 b\n")});
}

TEST_CASE("bulk load: relation ids from an \"id\" column, taken ids and generated ones") {
    TempFolder folder;
    checkOutcome("relation-ids/edges.csv", {folder.write("edges.csv",
                                                         "src,dst,id,weight\na,b,e1,1\na,b,e1,2\nb,c,,3\nc,a,E 2,4\n"
                                                         "a,b,a-related_to-b,5\na,b,,6\n")});
    // Numbers in an id column are read as numbers ("007" is "7").
    checkOutcome("relation-ids/numbers.csv", {folder.write("numbers.csv", "src,dst,id\na,b,007\nb,c,1\n")});
    checkOutcome("relation-ids/nodes-and-rels",
                 {folder.write("nodes.csv", "n:ID,:LABEL\na,A\nb,A\n"),
                  folder.write("rels.csv", ":START_ID,:END_ID,id:int,type\na,b,007,x\nb,a,7,\na,b,,\n")});
}

TEST_CASE("bulk load: neo4j-admin names, aliases, descriptions, kinds from properties, arrays and ID spaces") {
    TempFolder folder;
    const fs::path dir = folder.path / "graph";
    folder.write("graph/nodes.csv",
                 "id:ID,name,title,aliases,description,kind,score:float,tags:int[],flag:boolean,First Name,"
                 "first_name,@name,skip:IGNORE\n"
                 "a,Ann,,\"[\"\"Annie\"\", \"\"A.\"\"]\",\"Writes.\r\nReads.\",Author,1,1;2,TRUE,Ann,x,y,z\n"
                 "b,,Bob Title,Bobby,,,2.5,,false,,,,\n"
                 "c,ann,,,,,,3,,,,,\n"
                 "D,,,7,,,,,,,,,\n"
                 "d,,,,,,,,,,,,\n");
    folder.write("graph/people.csv", "pid:ID(Person),name,labels,kind\np1,Pat,:Person:Actor,x\nd,Dee,,\n");
    folder.write("graph/zz-rels.csv", ":START_ID,:END_ID(Person),:TYPE,since:int,label,@id\n"
                                      "a,p1,KNOWS,2001,,i\nb,d,,,Fan Of,\nc,p1,,,,\n");
    checkOutcome("neo4j/graph", {dir});
    interchange::ReadOptions options;
    options.edgeList.edgeType = "met";
    checkOutcome("neo4j/graph-edge-type-met", {dir}, options);
    // Relationship files may come before node files: nodes are read first all the same.
    folder.write("graph2/a-rels.csv", ":START_ID,:END_ID\nn1,n2\n");
    folder.write("graph2/b-nodes.csv", "id:ID,:LABEL\nn1,A;B\nn2,B\n");
    checkOutcome("neo4j/rels-before-nodes", {folder.path / "graph2"});
    // Nodes of neo4j files and of edge lists are one set: an edge list names them by their id.
    checkOutcome("neo4j/nodes-and-edge-list",
                 {folder.path / "graph2" / "b-nodes.csv", folder.write("more.txt", "n1 n3\n")});
}

TEST_CASE("bulk load: a \"claims\" column in an edge list is refused as recorded") {
    // A "claims" column holds what only the records can.
    TempFolder folder;
    checkFails("claims-column/claims.csv", {folder.write("claims.csv", "from,to,claims\na,b,\"[]\"\n")}, {});
}

TEST_CASE("bulk load: every broken edge list and neo4j CSV fails as recorded, each problem at its place") {
    const fs::path folder = interchangeFixtures() / "broken";
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string ext = entry.path().extension().string();
        if (ext != ".csv" && ext != ".txt" && ext != ".tsv") continue;
        ++count;
        checkFails("broken-fixtures/" + entry.path().filename().string(), {entry.path()}, expectedLines(entry.path()));
    }
    CHECK(count >= 20);
}

TEST_CASE("bulk load: problems in edge lists, with their places") {
    TempFolder folder;
    checkFails("edge-list-problems/few.tsv", {folder.write("few.tsv", "a\tb\nc\n\td\n")},
               {"few.tsv:2:1: expected at least 2 fields (FROM TO), got 1", "few.tsv:3:1: empty node id"});
    checkFails("edge-list-problems/wide.csv", {folder.write("wide.csv", "from,to\na,b,c\nd,,\n")},
               {"wide.csv:2:1: expected 2 fields, as in the header, got 3",
                "wide.csv:3:1: expected 2 fields, as in the header, got 3"});
    checkFails("edge-list-problems/empty-to.csv", {folder.write("empty-to.csv", "a,b\nc,\n")},
               {"empty-to.csv:2:3: empty node id"});
    checkFails("edge-list-problems/none.txt", {folder.write("none.txt", "# nothing\n")},
               {"none.txt:1:1: no edges: expected lines of FROM TO"});
    checkFails("edge-list-problems/quote.csv", {folder.write("quote.csv", "a,b\n\"c\"d,e\nf,\"g\n")},
               {"quote.csv:2:4: unexpected text after a closing quote", "quote.csv:3:3: unterminated quoted field"});
    // Invalid UTF-8 anywhere: the file is not read, so that is the only problem it has.
    checkFails("edge-list-problems/utf8.txt", {folder.write("utf8.txt", "a b c\nd e\nf \xC3(\n")},
               {"utf8.txt:3:3: invalid UTF-8"});
    // What the loader would refuse: empty names, control characters.
    checkFails("edge-list-problems/blank.csv", {folder.write("blank.csv", "\" \",b\n\"x\ty\",c\n")},
               {"blank.csv:1:1: must not be empty", "blank.csv:2:1: contains a control character (newline, tab, …)"});
    checkFails("edge-list-problems/typed.csv",
               {folder.write("typed.csv", "from,to,type,note\na,b,\"x\ty\",\"bell\x07\"\n")},
               {"typed.csv:2:5: contains a control character (newline, tab, …)",
                "typed.csv:2:11: contains a control character (newline, tab, …)"});
    checkFails("edge-list-problems/missing.txt", {folder.path / "missing.txt", folder.write("fine.txt", "a b\n")},
               {"missing.txt: no such file or folder"});
    const fs::path socket = folder.path / "socket.txt";
    makeUnreadableFile(socket);
    checkFails("edge-list-problems/socket.txt", {socket, folder.write("bad.txt", "a b c\nd e\n")},
               {"socket.txt: cannot read file: ", "bad.txt:2:1: expected 3 fields, as on the first line, got 2"});
}

TEST_CASE("bulk load: problems in neo4j-admin CSV, with their places") {
    TempFolder folder;
    checkFails("neo4j-problems/duplicate-node-unknown-ends",
               {folder.write("n/nodes.csv", "id:ID,name\na,A\nb,B\na,C\n"),
                folder.write("n/rels.csv", ":START_ID,:END_ID\na,x\ny,b\n")},
               {"nodes.csv:4:1: node \"a\" is defined twice (first at ", "nodes.csv:2:1)",
                "rels.csv:2:3: no node has the id \"x\"", "rels.csv:3:1: no node has the id \"y\""});
    checkFails("neo4j-problems/unknown-id-space",
               {folder.write("s/nodes.csv", "id:ID(P),name\na,A\n"),
                folder.write("s/rels.csv", ":START_ID(Q),:END_ID(P)\na,a\n")},
               {"rels.csv:2:1: no node has the id \"a\" in ID space \"Q\""});
    // Reading problems come first: the mapping's are not looked for then.
    checkFails("neo4j-problems/reading-problems-first", {folder.write("r/nodes.csv", "id:ID,n:int\na,1\na,x\n")},
               {"nodes.csv:3:3: column \"n\": \"x\" is not an integer"});
    checkFails("neo4j-problems/control-characters",
               {folder.write("l/nodes.csv", "id:ID,:LABEL,name\na,\"A\tB\",Ann\nb,,\"Bo\nb\"\n")},
               {"nodes.csv:2:3: contains a control character (newline, tab, …)",
                "nodes.csv:3:4: contains a control character (newline, tab, …)"});
    checkFails(
        "neo4j-problems/aliases-taken",
        {folder.write("a/nodes.csv", "id:ID,name,aliases\na,Ann,x\nb,Bob,\"[\"\"x\"\",\"\"a\"\",\"\"Ann\"\"]\"\n")},
        {"nodes.csv:3:7 (aliases/0): \"x\" already names entity \"a\" (at ",
         "nodes.csv:2:7 (aliases/0)): names, aliases and ids must be unique",
         "nodes.csv:3:7 (aliases/1): \"a\" already names entity \"a\" (at ", "nodes.csv:2:1): names",
         "nodes.csv:3:7 (aliases/2): \"Ann\" already names entity \"a\" (at ", "nodes.csv:2:3): names"});
    checkFails("neo4j-problems/blank-label-control-alias",
               {folder.write("c/nodes.csv", "id:ID,:LABEL,aliases\na, ,\"x\ty\"\n")},
               {"nodes.csv:2:3: must not be empty", "nodes.csv:2:5 (aliases/0): contains a control character"});
    checkFails("neo4j-problems/description-control-character",
               {folder.write("d/nodes.csv", "id:ID,description\na,\"two\nlines\"\nb,\"tab\there\"\n")},
               {"nodes.csv:4:3: contains a control character"});
    // A broken header: the rest is not read, but invalid UTF-8 in it is found.
    checkFails("neo4j-problems/broken-header-invalid-utf8", {folder.write("h/nodes.csv", "id:ID,x:nothing\na,\xFF\n")},
               {"nodes.csv:2:3: invalid UTF-8"});
    interchange::ReadOptions neo4j;
    neo4j.format = interchange::Format::Neo4jCsv;
    checkFails("neo4j-problems/empty-file-as-neo4j", {folder.write("e/empty.csv", "")},
               {"empty.csv:1:1: empty file: expected a header line"}, neo4j);
}

TEST_CASE("bulk load: the block reader splits records as a whole-text splitter does, in blocks of any size") {
    std::mt19937 random(20240611);
    const std::string alphabet[] = {"a", "b", "7", ",", "|", "\t", " ", "\"", "\"\"", "\n", "\r\n", "\r", "#", "\xC3\xA9"};
    TempFolder folder;
    for (int round = 0; round < rounds(300); ++round) {
        std::string text = round % 7 == 0 ? "\xEF\xBB\xBF" : "";
        const int length = static_cast<int>(random() % 200);
        for (int i = 0; i < length; ++i) text += alphabet[random() % std::size(alphabet)];
        const fs::path file = folder.write(fmt::format("r{}.txt", round), text);
        for (const char delimiter : {',', '|', '\t', ' '}) {
            for (const char comment : {'#', '\0'}) {
                INFO("text: ", text, " delimiter: ", static_cast<int>(delimiter), " comment: ", static_cast<int>(comment));
                const std::string name = file.generic_string();
                const interchange::LineIndex lines(name, text);
                CsvParser parser(lines, text, delimiter, comment);
                std::vector<Diagnostic> expectedProblems, actualProblems;
                std::vector<std::string> expected, actual;
                CsvRecord record;
                while (parser.next(record, expectedProblems)) {
                    std::string line = record.place.toString();
                    for (const auto& f : record.fields) line += " [" + f.text + "]@" + f.place.toString();
                    expected.push_back(line);
                }
                interchange::RecordReader reader(name, actualProblems, 64 + random() % 64);
                std::string error;
                REQUIRE(reader.open(error));
                reader.start(delimiter, comment);
                interchange::StreamRecord streamed;
                while (reader.next(streamed)) {
                    std::string line = Place{name, streamed.line, streamed.column, {}}.toString();
                    for (const auto& f : streamed.fields) {
                        line += " [" + std::string(f.text) + "]@" + Place{name, f.line, f.column, {}}.toString();
                    }
                    actual.push_back(line);
                }
                CHECK(actual == expected);
                CHECK(notesText(actualProblems) == notesText(expectedProblems));
            }
        }
    }
}

namespace {

template <class Random, std::size_t N>
std::string pick(Random& random, const std::string_view (&pool)[N], std::size_t leaveOut = 0) {
    return std::string(pool[random() % (N - leaveOut)]);
}

// A field as a CSV writer might write it: quoted when it must be, and now and then when it need not.
template <class Random>
std::string field(Random& random, const std::string& text, char delimiter) {
    if (delimiter == ' ') return text.empty() ? "x" : text;
    const bool must = text.find_first_of(std::string(1, delimiter) + "\"\r\n") != std::string::npos;
    if (!must && random() % 5 != 0) return text;
    std::string out = "\"";
    for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

TEST_CASE("bulk load: random edge lists and neo4j-admin files read as recorded, round by round") {
    static constexpr std::string_view ids[] = {"a", "b", "c", "A", "B", "a-b", "A b", "a b", "1", "2", "01", "10",
                                               "x.y", "-x", "x-", "Café", "node", "!!", "a-2", "b-2", "n", " c", "q,x",
                                               "x\"y", "", " "};  // the last two: no ids
    static constexpr std::string_view ends[] = {"source", "target", "from", "to", "Person.id", "Company.id", "src",
                                                "dst", "u", "x"};
    static constexpr std::string_view extras[] = {"type", "label", "id", "weight", "w", "Type", "note", "@x",
                                                  "First Name", "first_name", "original_id"};
    static constexpr std::string_view values[] = {"1", "2", "007", "-3", "2.5", "1e3", "true", "FALSE", "abc",
                                                  "x y", "", " ", "t", "u", "T U", "a-b"};
    static constexpr std::string_view nodeColumns[] = {"id:ID", "id:ID(P)", ":LABEL", "name", "title", "aliases",
                                                       "description", "kind", "n:int", "f:float", "b:boolean",
                                                       "s:string[]", "First Name", "labels", "first_name"};
    static constexpr std::string_view relColumns[] = {"since:int", "label", "id", "type", "w:float", "note"};
    // Each round's inputs, and what reading each gives, are recorded in expected/random/, one section a
    // round: the same rounds in every build (rounds() only runs fewer of them).
    std::mt19937 random(7);
    TempFolder folder;
    std::string recorded;
    const int all = 300;
    for (int round = 0; round < rounds(all); ++round) {
        std::string section = roundHeader(round);
        // Every other round without the rows readGraph refuses (no ids, the wrong number of fields).
        const std::size_t clean = round % 2 == 0 ? 2 : 0;
        // An edge list.
        const char delimiter = ",|\t "[random() % 4];
        const std::size_t width = 2 + random() % 3;
        std::string text;
        if (random() % 3 == 0) text += "# a comment\n";
        if (random() % 2 == 0) {
            for (std::size_t c = 0; c < width; ++c) {
                if (c > 0) text += delimiter;
                text += field(random, c < 2 ? pick(random, ends) : pick(random, extras), delimiter);
            }
            text += "\n";
        }
        const std::size_t rows = random() % 9;
        for (std::size_t r = 0; r < rows; ++r) {
            const std::size_t n = !clean && random() % 12 == 0 ? width + 1 : width;
            for (std::size_t c = 0; c < n; ++c) {
                if (c > 0) text += delimiter;
                text += field(random, c < 2 ? pick(random, ids, clean) : pick(random, values), delimiter);
            }
            text += random() % 4 == 0 ? "\r\n" : "\n";
        }
        const fs::path edges = folder.write(fmt::format("e{}.csv", round), text);
        INFO("edge list: ", text);
        interchange::ReadOptions options;
        if (random() % 4 == 0) options.edgeList.nodeKind = "Person";
        if (random() % 4 == 0) options.edgeList.edgeType = "knows";
        section += inputText(fmt::format("e{}.csv", round), text) + outcomeOf({edges}, options);

        // neo4j-admin files, with the edge list or without.
        std::vector<std::string_view> columns{nodeColumns[random() % 2]};
        for (std::size_t c = 0; c < 4; ++c) {
            const std::string_view column = nodeColumns[2 + random() % (std::size(nodeColumns) - 2)];
            if (std::find(columns.begin(), columns.end(), column) == columns.end()) columns.push_back(column);
        }
        std::string nodes;
        for (std::size_t c = 0; c < columns.size(); ++c) nodes += (c ? "," : "") + std::string(columns[c]);
        nodes += "\n";
        const std::size_t count = random() % 7;
        for (std::size_t r = 0; r < count; ++r) {
            for (std::size_t c = 0; c < columns.size(); ++c) {
                if (c > 0) nodes += ',';
                std::string value = c == 0 ? pick(random, ids, clean) : pick(random, values);
                if (columns[c] == ":LABEL" && random() % 3 == 0) value = "Person;Actor";
                if (columns[c] == "aliases" && random() % 3 == 0) value = "[\"a\", \"z\"]";
                nodes += field(random, value, ',');
            }
            nodes += "\n";
        }
        const bool spaced = columns[0] == "id:ID(P)";
        std::string rels = std::string(":START_ID") + (spaced ? "(P)" : "") + ",:END_ID" + (spaced ? "(P)" : "") +
                           (random() % 2 ? ",:TYPE" : "");
        const std::string_view relColumn = relColumns[random() % std::size(relColumns)];
        rels += "," + std::string(relColumn) + "\n";
        const std::size_t relCount = random() % 6;
        const std::size_t relWidth = static_cast<std::size_t>(std::count(rels.begin(), rels.end(), ',')) + 1;
        for (std::size_t r = 0; r < relCount; ++r) {
            for (std::size_t c = 0; c < relWidth; ++c) {
                if (c > 0) rels += ',';
                rels += field(random, c < 2 ? pick(random, ids, clean) : pick(random, values), ',');
            }
            rels += "\n";
        }
        const fs::path dir = folder.path / fmt::format("n{}", round);
        folder.write(fmt::format("n{}/nodes.csv", round), nodes);
        folder.write(fmt::format("n{}/rels.csv", round), rels);
        INFO("nodes: ", nodes);
        INFO("relationships: ", rels);
        section += "\n" + inputText(fmt::format("n{}/nodes.csv", round), nodes) +
                   inputText(fmt::format("n{}/rels.csv", round), rels) + outcomeOf({dir}, options);
        // Not with names: a node named as an edge list's node is later given as its id is renamed by
        // readGraph (whose names are made unique once all ids are known), and was not by the stream,
        // so no such read was recorded.
        const bool named = std::any_of(columns.begin(), columns.end(), [](std::string_view c) {
            return c == "name" || c == "title";
        });
        if (!named && random() % 3 == 0) section += "\n" + outcomeOf({dir, edges}, options);
        recorded += section + "\n";
    }
    checkRounds("random/edge-lists-and-neo4j", recorded, rounds(all), all);
}

// Node-link JSON (interchange/node_link_stream.hpp), read as recorded: the graph and notes, or the
// problems at their places.

namespace {

interchange::ReadOptions nodeLinkFormat() {
    interchange::ReadOptions options;
    options.format = interchange::Format::NodeLink;
    return options;
}

}  // namespace

TEST_CASE("bulk load: the node-link fixture reads as recorded") {
    const fs::path networkx = interchangeFixtures() / "networkx.json";
    checkOutcome("fixtures/networkx.json", {networkx});
    checkOutcome("fixtures/networkx.json-as-node-link", {networkx}, nodeLinkFormat());
    // With edge lists and neo4j-admin files: every input's nodes first, then every input's edges.
    checkOutcome("fixtures/snap-networkx-neo4j",
                 {interchangeFixtures() / "snap.txt", networkx, interchangeFixtures() / "neo4j"});
    const interchange::ImportResult read = interchange::readGraph({networkx});
    // "directed": false: every type of its links is symmetric.
    REQUIRE(read.graph.typeCount() == 2);
    CHECK(read.graph.type(0).symmetric);
    CHECK(read.graph.type(1).symmetric);
}

TEST_CASE("bulk load: node-link members in any order, keys and ids, names, kinds, aliases and typed attributes") {
    TempFolder folder;
    // Links before nodes, "directed" last, "edges" for "links".
    checkOutcome("node-link/late-nodes.json",
                 {folder.write("late-nodes.json", R"({"edges": [{"target": "b", "source": "a", "w": 1.5},
        {"source": "b", "target": "a", "w": 2.5, "type": "likes"}],
        "nodes": [{"id": "a"}, {"id": "b", "name": "Bee"}], "directed": true})")});
    // Keys: strings are relation ids (made identifiers, taken ones replaced), integers are not; "id"
    // is one when there is no string key.
    checkOutcome("node-link/keys.json",
                 {folder.write("keys.json", R"({"directed": true, "multigraph": true, "graph": {"name": "g", "x~/y": 1},
        "nodes": [{"id": 1}, {"id": 2}, {"id": "three"}],
        "links": [{"source": 1, "target": 2, "key": 0}, {"source": 1, "target": 2, "key": 1},
                  {"source": 2, "target": "three", "key": "E 1"}, {"source": 2, "target": 1, "key": "e-1"},
                  {"source": 1, "target": "three", "id": "x"}, {"source": 1, "target": 2, "key": "k", "id": "kept"},
                  {"source": 1, "target": 2, "key": "", "id": 7}, {"source": 2, "target": 1, "key": null, "id": "x"},
                  {"source": 1, "target": 2, "key": "1-related_to-2"}]})")});
    // Names, kinds, labels, aliases, descriptions, ids made identifiers, renamed properties, values of
    // every JSON type, null and blank values dropped.
    checkOutcome("node-link/nodes.json", {folder.write("nodes.json", R"({"nodes": [
        {"id": "A b", "name": "Ann", "kind": "Person", "aliases": ["Annie", null, " ", 7], "description": "Writes.\nReads.",
         "First Name": "Ann", "first_name": "x", "@name": "y", "score": 1, "tags": ["a", {"b": [1, 2.0]}], "none": null},
        {"id": "b", "title": "Bob", "labels": ":Person:Actor", "aliases": "[\"Bobby\"]", "score": 2.5, "flag": true},
        {"id": 3, "label": "ann", "kind": "Person", "score": "high", "blank": "  ", "flag": false},
        {"id": "Café", "kind": "Media Outlet", "aliases": "Caff", "original_id": "mine", "n": 12345678901234},
        {"id": "cafe", "name": "Café"}, {"id": "node", "kind": 5, "name": 1.5}],
      "links": [{"source": "A b", "target": "b", "label": "Knows Well", "since": 2001, "note": "x"},
                {"source": "b", "target": 3, "type": "knows well", "since": "long ago", "@id": "i"},
                {"source": 3, "target": "Café", "weight": 1e3, "Weight": 2}]})")});
    // Undirected documents make symmetric types, but not a type directed edges have too.
    checkOutcome("node-link/undirected-and-directed",
                 {folder.write("undirected.json", R"({"nodes": [{"id": 1}, {"id": 2}],
        "links": [{"source": 1, "target": 2, "type": "both"}, {"source": 1, "target": 2, "type": "undirected"}]})"),
                  folder.write("directed.json", R"({"directed": true, "nodes": [{"id": 3}],
        "links": [{"source": 3, "target": 3, "type": "both"}]})")});
    // A byte order mark, white space of every kind, escapes.
    checkOutcome("node-link/bom.json",
                 {folder.write("bom.json",
                               "\xEF\xBB\xBF{\r\n\t\"nodes\" : [ {\"id\":\"\\u00e9\\\"x\\\\\"} ,"
                               "{\"id\":\"\\ud83d\\ude00\"}],\"links\":[{\"source\":\"\\u00e9\\\"x\\\\\","
                               "\"target\":\"\xF0\x9F\x98\x80\"}]}\n")});
    // Nodes only, and no nodes at all.
    checkOutcome("node-link/only-nodes-and-empty", {folder.write("only-nodes.json", R"({"nodes": [{"id": "lonely"}]})"),
                                                    folder.write("empty.json", R"({"nodes": [], "links": []})")});
    // Node-link nodes are the nodes an edge list names by their id.
    checkOutcome("node-link/people-and-edge-list",
                 {folder.write("people.json", R"({"nodes": [{"id": "n1", "kind": "Person"}], "links": []})"),
                  folder.write("more.txt", "n1 n2\n")});
}

TEST_CASE("bulk load: node-link with claims or blank claims, typed per kind, or not node-link at all, as recorded") {
    TempFolder folder;
    checkFails("node-link-or-not/claims.json",
               {folder.write("claims.json", R"({"nodes": [{"id": "a"}, {"id": "b"}], "links": [
        {"source": "a", "target": "b", "claims": [{"id": "c1", "source": "s", "summary": "x"}]}]})")},
               {});
    // Blank claims are no claims.
    checkOutcome("node-link-or-not/blank-claims.json",
                 {folder.write("blank-claims.json", R"({"nodes": [{"id": "a"}, {"id": "b"}],
        "links": [{"source": "a", "target": "b", "claims": " "}, {"source": "b", "target": "a", "claims": null}]})")});
    // A .json file that is not JSON, or has no top-level "nodes", is relgraph JSON: readGraph says so.
    const std::pair<std::string, std::string> others[] = {{"unterminated", R"({"nodes": [{"id": 1}], "links": [)"},
                                                          {"invalid-utf8", "{\"nodes\": [], \"x\": \"\xFF\"}"},
                                                          {"nodes-inside", R"({"x": {"nodes": []}})"},
                                                          {"array", R"([{"nodes": []}])"},
                                                          {"empty", ""}};
    for (const auto& [name, text] : others) {
        INFO("text: ", text);
        checkFails("node-link-or-not/other-" + name, {folder.write("other.json", text)}, {});
    }
    // One attribute of integers for one kind and of text for another.
    checkOutcome("node-link-or-not/typed-per-kind.json",
                 {folder.write("typed.json", R"({"nodes": [{"id": 1, "kind": "A", "n": 1},
        {"id": 2, "kind": "B", "n": "x"}, {"id": 3, "kind": "B", "n": 2}]})")});
}

TEST_CASE("bulk load: every broken JSON fixture fails as recorded, read as node-link too") {
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(interchangeFixtures() / "broken")) {
        if (entry.path().extension() != ".json") continue;
        ++count;
        const std::string name = entry.path().filename().string();
        checkFails("broken-fixtures/" + name, {entry.path()}, expectedLines(entry.path()));
        checkFails("broken-fixtures/" + name + "-as-node-link", {entry.path()}, {}, nodeLinkFormat());
    }
    CHECK(count >= 5);
    // Broken relgraph JSON, whatever it holds, read as node-link fails as the node-link reader fails.
    count = 0;
    for (const auto& entry : fs::directory_iterator(testDir() / "broken")) {
        if (entry.path().extension() != ".json") continue;
        INFO("input: ", entry.path().filename().string());
        ++count;
        checkFails("broken-relgraph-as-node-link/" + entry.path().filename().string(), {entry.path()}, {},
                   nodeLinkFormat());
    }
    CHECK(count >= 25);
}

TEST_CASE("bulk load: problems in node-link JSON, with their places") {
    TempFolder folder;
    const interchange::ReadOptions forced = nodeLinkFormat();
    // JSON itself: syntax (the file is relgraph JSON then, unless named node-link), repeated keys.
    checkFails("node-link-problems/syntax.json", {folder.write("syntax.json", "{\"nodes\": [\n  {\"id\": 1},\n]}")},
               {"syntax.json:3:1: invalid JSON: syntax error while parsing value"}, forced);
    checkFails(
        "node-link-problems/truncated.json", {folder.write("truncated.json", "{\"nodes\": [{\"id\": 1}, {\"id\": \"x")},
        {"truncated.json:1:32: invalid JSON: syntax error while parsing value - invalid string: missing closing quote"},
        forced);
    checkFails("node-link-problems/number.json", {folder.write("number.json", "{\"nodes\": [{\"id\": 12")},
               {"number.json:1:"}, forced);
    checkFails("node-link-problems/lines.json", {folder.write("lines.json", "{\"nodes\": [\n\n\"a\nb\"]}")},
               {"lines.json:3:"}, forced);
    checkFails("node-link-problems/empty.json", {folder.write("empty.json", "")}, {"empty.json:1:1: invalid JSON: "},
               forced);
    checkFails("node-link-problems/trailing.json", {folder.write("trailing.json", "{\"nodes\": []} x")},
               {"trailing.json:1:15: invalid JSON"}, forced);
    checkFails("node-link-problems/keys.json",
               {folder.write("keys.json",
                             "{\"nodes\": [{\"id\": 1, \"a\": {\"b\": 1, \"b\": 2}, \"id\": 2}],\n"
                             "\"graph\": [{\"x\": 1, \"x\": 1}], \"nodes\": 1")},
               {"keys.json:1:36 (/nodes/0/a/b): duplicate key \"b\" (first at line 1)",
                "keys.json:1:45 (/nodes/0/id): duplicate key \"id\"", "keys.json:2:20 (/graph/0/x): duplicate key",
                "keys.json:2:30 (/nodes): duplicate key \"nodes\"",
                "keys.json:2:40: invalid JSON: syntax error while parsing object - unexpected end of input"});
    checkFails("node-link-problems/dup.json",
               {folder.write("dup.json", "{\"nodes\": [], \"links\": [{\"source\": 1, \"source\": 2}]}")},
               {"dup.json:1:39 (/links/0/source): duplicate key \"source\" (first at line 1)"});
    // Invalid UTF-8 anywhere: the only problem, however broken the rest.
    checkFails("node-link-problems/utf8.json",
               {folder.write("utf8.json", "{\"nodes\": [{\"id\": 1, \"id\": 2}],\n\"x\": \"a\xC3(\"}")},
               {"utf8.json:2:8: invalid UTF-8"}, forced);
    checkFails("node-link-problems/utf8-after.json",
               {folder.write("utf8-after.json", "{\"nodes\": [\n}\n\"\xE2\x82\"")},
               {"utf8-after.json:3:2: invalid UTF-8"}, forced);
    // The document.
    checkFails("node-link-problems/array.json", {folder.write("array.json", "[{\"nodes\": []}]")},
               {"array.json:1:1: expected a node-link graph (an object with \"nodes\" and \"links\")"}, forced);
    checkFails("node-link-problems/scalar.json", {folder.write("scalar.json", "  7")},
               {"scalar.json:1:3: expected a node-link graph"}, forced);
    checkFails("node-link-problems/no-nodes.json", {folder.write("no-nodes.json", "\n {\"links\": []}")},
               {"no-nodes.json:2:2: \"nodes\" must be an array"}, forced);
    checkFails("node-link-problems/shapes.json",
               {folder.write("shapes.json", "{\"directed\": null, \"nodes\": {}, \"graph\": 1, \"edges\": 5}")},
               {"shapes.json:1:2 (/directed): \"directed\" must be true or false",
                "shapes.json:1:20 (/nodes): \"nodes\" must be an array",
                "shapes.json:1:45 (/edges): \"edges\" must be an array"});
    checkFails("node-link-problems/both.json",
               {folder.write("both.json", "{\"edges\": [7], \"nodes\": [{}], \"links\": [8]}")},
               {"both.json:1:26 (/nodes/0): a node needs an \"id\"",
                "both.json:1:2 (/edges): both \"links\" and \"edges\": give the edges once"});
    // Nodes and links.
    checkFails("node-link-problems/records.json",
               {folder.write("records.json",
                             "{\"links\": [null, {\"target\": 1}, {\"source\": 1.5, \"target\": true},"
                             " {\"source\": [1], \"target\": {\"x\": 1}}],\n"
                             " \"nodes\": [[1], {\"id\": null}, {\"id\": 2}, \"x\"]}")},
               {"records.json:1:12 (/links/0): expected a link (an object)",
                "records.json:1:18 (/links/1): a link needs a \"source\"",
                "records.json:1:34 (/links/2/source): expected a node id (a string or an integer)",
                "records.json:1:49 (/links/2/target): expected a node id",
                "records.json:1:67 (/links/3/source): expected a node id",
                "records.json:1:82 (/links/3/target): expected a node id",
                "records.json:2:12 (/nodes/0): expected a node (an object)",
                "records.json:2:18 (/nodes/1/id): expected a node id",
                "records.json:2:42 (/nodes/3): expected a node (an object)"});
    // Mapping: ids defined twice, links to unknown nodes (reading problems come first).
    checkFails("node-link-problems/map.json",
               {folder.write("map.json",
                             "{\"nodes\": [{\"id\": 1}, {\"id\": \"1\"}],\n"
                             "\"links\": [{\"source\": 1, \"target\": \"x\"}, {\"source\": \"y\", \"target\": 2}]}")},
               {"map.json:1:23 (/nodes/1): node \"1\" is defined twice (first at ", "map.json:1:12 (/nodes/0))",
                "map.json:2:25 (/links/0/target): no node has the id \"x\"",
                "map.json:2:42 (/links/1/source): no node has the id \"y\"",
                "map.json:2:57 (/links/1/target): no node has the id \"2\""});
    checkFails("node-link-problems/first.json",
               {folder.write("first.json", "{\"nodes\": [{\"id\": 1}, {\"id\": 1}, {\"x\": 1}]}")},
               {"first.json:1:34 (/nodes/2): a node needs an \"id\""});
    // What the loader refuses (a blank kind or value is no value, not a problem).
    checkFails("node-link-problems/loader.json",
               {folder.write("loader.json",
                             "{\"nodes\": [{\"id\": \"a\", \"name\": \"A\\tB\", \"kind\": \" \","
                             " \"note\": \"x\\u0007\", \"aliases\": [\"ok\", \"b\\nc\", \"A\"]},"
                             " {\"id\": \"b\", \"aliases\": [\"ok\"], \"description\": \"\\u0001\"}],"
                             " \"links\": [{\"source\": \"a\", \"target\": \"b\", \"type\": \"x\\ty\","
                             " \"w\": \"\\r\", \"key\": \"a\"}]}")},
               {"loader.json:1:24 (/nodes/0/name): contains a control character",
                "loader.json:1:53 (/nodes/0/note): contains a control character",
                "loader.json:1:72 (/nodes/0/aliases/1): contains a control character",
                "loader.json:1:117 (/nodes/1/aliases/0): \"ok\" already names entity \"a\" (at ",
                "loader.json:1:72 (/nodes/0/aliases/0)): names",
                "loader.json:1:136 (/nodes/1/description): contains a control character",
                "loader.json:1:204 (/links/0/type): contains a control character"});
    // A socket cannot be read.
    const fs::path socket = folder.path / "socket.json";
    makeUnreadableFile(socket);
    checkFails("node-link-problems/socket-and-fine.json", {socket, folder.write("fine.json", "{\"nodes\": []}")},
               {"socket.json: cannot read file: "});
    checkFails("node-link-problems/socket.json-as-node-link", {socket}, {"socket.json: cannot read file: "}, forced);
}

TEST_CASE("bulk load: node-link JSON nested too deep, and just deep enough") {
    TempFolder folder;
    const std::string deep = "{\"nodes\": [{\"id\": 1, \"x\": " + std::string(1200, '[') + std::string(1200, ']') + "}]}";
    const auto file = folder.write("deep.json", deep);
    checkFails("node-link-deep/deep.json-as-node-link", {file}, {}, nodeLinkFormat());
    CHECK(importErrors({file}, nodeLinkFormat()) == fmt::format("{}:1:{}: JSON nested more than 1000 levels deep\n"
                                                                "1 problem found",
                                                                file.generic_string(), 27 + 997));
    // Not named node-link: readGraph reads it, and refuses it the same way.
    checkFails("node-link-deep/deep.json", {file}, {});
    CHECK(importErrors({file}) == fmt::format("{}:1:{}: JSON nested more than 1000 levels deep\n1 problem found",
                                              file.generic_string(), 27 + 997));
    // Just deep enough.
    checkOutcome("node-link-deep/deep-enough.json",
                 {folder.write("deep-enough.json", "{\"nodes\": [{\"id\": 1, \"x\": " + std::string(997, '[') +
                                                       std::string(997, ']') + "}]}")});
}

TEST_CASE("bulk load: a .json file with a top-level \"relgraph\" is relgraph JSON, with \"nodes\" or not") {
    TempFolder folder;
    const std::pair<std::string, std::string> texts[] = {{"relgraph-first", R"({"relgraph": 1, "nodes": [{"id": 1}]})"},
                                                         {"relgraph-last", R"({"nodes": [{"id": 1}],)"
                                                                           "\n"
                                                                           R"( "relgraph": 1})"}};
    for (const auto& [name, text] : texts) {
        CAPTURE(text);
        const auto file = folder.write("both.json", text);
        const std::string expected = fmt::format(
            "{}:{} (/nodes): unknown member \"nodes\"", file.generic_string(), text.find("\"nodes\"") == 1 ? "1:2" : "1:17");
        checkFails("relgraph-member/" + name, {file}, {expected});
        // Named node-link, it is read as node-link.
        checkOutcome("relgraph-member/" + name + "-as-node-link", {file}, nodeLinkFormat());
        CHECK(interchange::readGraph({file}, nodeLinkFormat()).graph.entityCount() == 1);
    }
    // Without it, a top-level "nodes" makes node-link JSON.
    checkOutcome("relgraph-member/nodes.json", {folder.write("nodes.json", R"({"nodes": [{"id": 1}], "links": []})")});
}

namespace {

// Links first, then nodes whose names hold two-byte characters, one split by the first block's end;
// the links in the second block, the last character split again.
std::string bigNodeLink() {
    std::string text = "{\"links\": [";
    for (int i = 0; i < 6000; ++i) text += fmt::format("{}{{\"source\": {}, \"target\": {}}}", i ? "," : "", i % 1000, (i * 7) % 1000);
    text += "],\n\"nodes\": [";
    for (int i = 0; i < 1000; ++i) text += fmt::format("{}{{\"id\": {}, \"name\": \"n\xC3\xA9{}\"}}", i ? "," : "", i, i);
    text += "], \"directed\": true, \"pad\": \"";
    const std::size_t block = interchange::RecordReader::kBlockSize;
    REQUIRE(text.size() < block);
    text += std::string(block - 1 - text.size(), 'x') + "\xC3\xA9\xC3\xA9\"}\n";
    return std::string(block, ' ') + text;
}

}  // namespace

TEST_CASE("bulk load: node-link with its links first and characters split by block ends reads as recorded") {
    TempFolder folder;
    const auto file = folder.write("big.json", bigNodeLink());
    // 1000 entities and 6000 relations: the expected file holds the outcome in brief.
    checkOutcomeInBrief("node-link-blocks/big.json", {file});
    const interchange::ImportResult read = interchange::readGraph({file});
    CHECK(read.graph.entityCount() == 1000);
    CHECK(read.graph.relationCount() == 6000);
}

namespace {

// A random JSON value of the kinds node-link properties hold, of one family: integers, numbers,
// text, booleans, arrays and objects (and null, blank and empty text, which are no value). A streamed
// store types each attribute name once, so a round gives each name one family.
template <class Random>
std::string jsonValue(Random& random, std::size_t family) {
    static constexpr std::string_view values[][6] = {
        {"1", "-3", "0", "12345678901234", "7", "null"},
        {"2.5", "1e3", "-0.5", "1.0", "3.25", "\"\""},
        {"\"abc\"", "\"  \"", "\"x y\"", "\"7\"", "\"Café\"", "\"[\\\"a\\\", \\\"z\\\"]\""},
        {"true", "false", "true", "null", "false", "\" \""},
        {"[\"a\", \"b\"]", "{\"k\": 1}", "[]", "[1, [2.5, {\"x\": null}]]", "{}", "\"T U\""}};
    return std::string(values[family % std::size(values)][random() % 6]);
}

}  // namespace

TEST_CASE("bulk load: random node-link graphs read as recorded, round by round") {
    // Ids as JSON: strings and integers ("1" and 1 are one id); the last four are not ids.
    static constexpr std::string_view ids[] = {"\"a\"", "\"b\"", "\"A b\"", "\"a-b\"", "1", "2", "\"01\"", "10",
                                               "\"Café\"", "\"node\"", "\"x-2\"", "\"c\"", "\"1\"", "null", "2.5",
                                               "[1]", "\"\""};
    static constexpr std::string_view nodeMembers[] = {"name", "label", "title", "kind", "labels", "aliases",
                                                       "description", "score", "First Name", "first_name", "@x",
                                                       "original_id", "tags"};
    static constexpr std::string_view linkMembers[] = {"type", "label", "id", "key", "weight", "w", "note", "@id",
                                                       "Type"};
    static constexpr std::string_view kinds[] = {"\"Person\"", "\"person\"", "\"Media Outlet\"", "5", "\":A:B\"",
                                                 "\" \""};
    // Each round's input, and what reading it gives, are recorded in expected/random/, one section a round.
    std::mt19937 random(11);
    TempFolder folder;
    std::string recorded;
    const int all = 120;
    for (int round = 0; round < rounds(all); ++round) {
        std::string section = roundHeader(round);
        // Every other round without what readGraph refuses: no ids, repeated ids, links to no node.
        const bool clean = round % 2 == 0;
        std::map<std::string_view, std::size_t> families;
        for (const std::string_view name : nodeMembers) families[name] = random();
        for (const std::string_view name : linkMembers) families[name] = random();
        families["first_name"] = families["First Name"];  // one attribute, "first_name", in any kind
        families["@id"] = families["id"];
        std::vector<std::string> nodeIds;
        std::vector<std::string> nodes;
        const std::size_t nodeCount = random() % 8;
        for (std::size_t n = 0; n < nodeCount; ++n) {
            std::string id = pick(random, ids, clean ? 5 : 0);
            if (clean && std::find(nodeIds.begin(), nodeIds.end(), id) != nodeIds.end()) continue;
            if (clean && id == "\"1\"") continue;
            nodeIds.push_back(id);
            std::vector<std::string> members{"\"id\": " + id};
            if (!clean && random() % 10 == 0) members.clear();
            std::set<std::string_view> used;
            for (std::size_t m = random() % 5; m > 0; --m) {
                const std::string_view name = nodeMembers[random() % std::size(nodeMembers)];
                if (!used.insert(name).second) continue;
                std::string value = name == "kind" ? pick(random, kinds) : jsonValue(random, families[name]);
                if (name == "original_id") value = jsonValue(random, 2);
                members.push_back(fmt::format("\"{}\": {}", name, value));
            }
            std::shuffle(members.begin(), members.end(), random);
            std::string node = "{";
            for (std::size_t m = 0; m < members.size(); ++m) node += (m ? ", " : "") + members[m];
            nodes.push_back(!clean && random() % 15 == 0 ? "\"not a node\"" : node + "}");
        }
        std::vector<std::string> links;
        const std::size_t linkCount = random() % 8;
        for (std::size_t l = 0; l < linkCount; ++l) {
            const auto end = [&] {
                if (clean && nodeIds.empty()) return std::string("null");
                return clean || random() % 6 ? nodeIds.empty() ? std::string("\"q\"") : nodeIds[random() % nodeIds.size()]
                                             : pick(random, ids);
            };
            if (clean && nodeIds.empty()) break;
            std::vector<std::string> members{"\"source\": " + end(), "\"target\": " + end()};
            if (!clean && random() % 10 == 0) members.pop_back();
            std::set<std::string_view> used;
            for (std::size_t m = random() % 4; m > 0; --m) {
                const std::string_view name = linkMembers[random() % std::size(linkMembers)];
                if (!used.insert(name).second) continue;
                std::string value = jsonValue(random, families[name]);
                if (name == "key") value = random() % 2 ? std::to_string(random() % 3) : pick(random, ids, 4);
                members.push_back(fmt::format("\"{}\": {}", name, value));
            }
            std::shuffle(members.begin(), members.end(), random);
            std::string link = "{";
            for (std::size_t m = 0; m < members.size(); ++m) link += (m ? ", " : "") + members[m];
            links.push_back(link + "}");
        }
        const auto list = [](const std::vector<std::string>& records) {
            std::string out = "[";
            for (std::size_t i = 0; i < records.size(); ++i) out += (i ? ",\n  " : "\n  ") + records[i];
            return out + "]";
        };
        std::vector<std::string> members{"\"nodes\": " + list(nodes),
                                         fmt::format("\"{}\": {}", random() % 2 ? "links" : "edges", list(links))};
        if (random() % 3) members.push_back(fmt::format("\"directed\": {}", random() % 2 ? "true" : "false"));
        if (random() % 3 == 0) members.push_back("\"graph\": {\"name\": \"g\", \"Other\": [1]}");
        if (random() % 3 == 0) members.push_back("\"multigraph\": true");
        std::shuffle(members.begin(), members.end(), random);
        std::string text = "{";
        for (std::size_t m = 0; m < members.size(); ++m) text += (m ? ",\n" : "\n") + members[m];
        text += "\n}\n";
        INFO("node-link: ", text);
        const fs::path file = folder.write(fmt::format("g{}.json", round), text);
        section += inputText(fmt::format("g{}.json", round), text) + outcomeOf({file});
        if (random() % 4 == 0) section += "\n" + outcomeOf({file}, nodeLinkFormat());
        if (random() % 4 == 0) {
            const std::string edges = "a b\nb 1\n";
            section += "\n" + inputText(fmt::format("e{}.txt", round), edges) +
                       outcomeOf({folder.write(fmt::format("e{}.txt", round), edges), file});
        }
        recorded += section + "\n";
    }
    checkRounds("random/node-link", recorded, rounds(all), all);
}

// What a read tells besides its graph: progress, a cap on problems, one store of mixed inputs.

namespace {

// A read, and every progress report it made.
struct Reported {
    std::vector<interchange::LoadProgress> calls;
    std::optional<store::GraphStore> graph;
};

Reported progressOf(const std::vector<fs::path>& paths) {
    Reported out;
    interchange::ReadOptions options;
    options.onProgress = [&](const interchange::LoadProgress& p) { out.calls.push_back(p); };
    out.graph.emplace(interchange::readGraph(paths, options).graph);
    return out;
}

}  // namespace

TEST_CASE("bulk load: a file full of problems stops at a hundred") {
    TempFolder folder;
    std::string text = "a b\n";
    for (int i = 0; i < 1000; ++i) text += "c\n";
    const auto file = folder.write("many.txt", text);
    const std::string message = importErrors({file});
    // Reading stops at the hundredth; the message shows the first ones and counts the rest.
    CHECK(message.find("many.txt:2:1: expected at least 2 fields (FROM TO), got 1\n") != std::string::npos);
    CHECK(message.find("many.txt:21:1: expected at least 2 fields (FROM TO), got 1\n") != std::string::npos);
    CHECK(message.find("many.txt:22:1:") == std::string::npos);
    CHECK(message.find("… and 80 more like: expected at least N fields (FROM TO), got N\n") != std::string::npos);
    CHECK(message.find("100 problems found, 20 shown") != std::string::npos);
}

TEST_CASE("bulk load: relgraph JSON and foreign files read into one store") {
    const store::GraphStore tiny = load::loadGraph({tinyGraphDir()});
    const store::GraphStore snap = interchange::readGraph({interchangeFixtures() / "snap.txt"}).graph;
    const store::GraphStore karate = interchange::readGraph({interchangeFixtures() / "karate.graphml"}).graph;
    const store::GraphStore mixed =
        interchange::readGraph({tinyGraphDir(), interchangeFixtures() / "snap.txt", interchangeFixtures() / "karate.graphml"})
            .graph;
    CHECK(mixed.entityCount() == tiny.entityCount() + snap.entityCount() + karate.entityCount());
    CHECK(mixed.relationCount() == tiny.relationCount() + snap.relationCount() + karate.relationCount());
    // The relgraph JSON relations keep their claims; the others rest on one claim each of their file.
    CHECK(mixed.hasClaimRecords());
    std::size_t imported = 0;
    for (store::Edge e = 0; e < mixed.relationCount(); ++e) {
        const store::RelationView r = mixed.relation(e);
        const std::string_view title = mixed.source(mixed.claim(r.claims().front()).source()).title();
        if (title.starts_with("Imported from ")) ++imported;
    }
    CHECK(imported == snap.relationCount() + karate.relationCount());
}

TEST_CASE("bulk load: the neo4j-admin fixture has one input file per input, node files too") {
    const store::GraphStore g = interchange::readGraph({interchangeFixtures() / "neo4j"}).graph;
    CHECK(g.inputFileCount() == 3);
    CHECK(g.findEntity("Keanu Reeves") == g.findEntity("p1-2"));
}

TEST_CASE("bulk load: progress rises block by block to every byte of every input") {
    TempFolder folder;
    std::string big;
    for (int i = 0; i < 1500000; ++i) big += fmt::format("{}\t{}\n", i % 5000, (i * 7) % 5000);
    REQUIRE(big.size() > 2 * interchange::RecordReader::kBlockSize);
    const auto first = folder.write("big.txt", big);
    const auto second = folder.write("small.txt", "a b\n");
    const auto [calls, graph] = progressOf({first, second});
    REQUIRE(calls.size() >= 4);
    for (std::size_t i = 1; i < calls.size(); ++i) {
        CHECK(calls[i].bytesRead >= calls[i - 1].bytesRead);
        CHECK(calls[i].relations >= calls[i - 1].relations);
    }
    CHECK(calls[1].bytesRead > calls[0].bytesRead);
    CHECK(calls.back().bytesRead == big.size() + 4);
    CHECK(calls.back().bytesRead == calls.back().bytesTotal);
    CHECK(calls.back().relations == 1500001);
    CHECK(calls.back().entities == graph->entityCount());
}

TEST_CASE("bulk load: a node-link export reads back with its claims and sources, attributes typed per kind") {
    TempFolder folder;
    // A node-link export carries schema and sources in "graph": {"relgraph": …}.
    const auto exported =
        folder.write("export.json", interchange::writeGraphText(awkwardGraph(), interchange::Format::NodeLink));
    const store::GraphStore back = interchange::readGraph({exported}).graph;
    CHECK(back.hasClaimRecords());
    CHECK(back.relationCount() == awkwardGraph().relationCount());
    CHECK(back.sourceCount() == awkwardGraph().sourceCount());
    // One attribute of integers for one kind and of text for another: each kind's is typed by its own values.
    const auto typed = folder.write("typed.json", R"({"nodes": [{"id": 1, "kind": "A", "n": 1},
        {"id": 2, "kind": "B", "n": "x"}, {"id": 3, "kind": "B", "n": 2}]})");
    const store::GraphStore mixed = interchange::readGraph({typed}).graph;
    REQUIRE(mixed.entityCount() == 3);
    const auto declared = [&](const std::string& kind) {
        return mixed.schema().kinds.at(kind).attributes.at("n");
    };
    CHECK((declared("a") == model::AttributeType::Integer));
    CHECK((declared("b") == model::AttributeType::String));
}

TEST_CASE("bulk load: a node-link file gone before its links are read") {
    TempFolder folder;
    const auto gone = folder.write("gone.json", R"({"nodes": [{"id": 1}], "links": [{"source": 1, "target": 1}]})");
    bool removed = false;
    const std::string message = [&] {
        try {
            interchange::ReadOptions options;
            options.onProgress = [&](const interchange::LoadProgress&) {
                if (!removed) removed = fs::remove(gone);
            };
            interchange::readGraph({gone}, options);
        } catch (const LoadError& e) {
            return std::string(e.what());
        }
        return std::string();
    }();
    CHECK(removed);
    CHECK(message.find("gone.json: cannot read file: No such file or directory") != std::string::npos);
}

TEST_CASE("bulk load: relgraph JSON progress rises file by file through both passes") {
    std::vector<fs::path> files;
    std::uint64_t bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(bundledGraphDir())) {
        if (entry.path().extension() != ".json") continue;
        files.push_back(entry.path());
        bytes += fs::file_size(entry.path());
    }
    REQUIRE(files.size() >= 3);
    const auto [calls, graph] = progressOf({bundledGraphDir()});
    REQUIRE(calls.size() >= 2 * files.size());
    for (std::size_t i = 1; i < calls.size(); ++i) CHECK(calls[i].bytesRead >= calls[i - 1].bytesRead);
    CHECK(calls.front().bytesTotal == 2 * bytes);
    CHECK(calls.front().bytesRead < bytes);
    // The schema pass ends once every file was read, the records pass when every file was read again.
    CHECK(std::any_of(calls.begin(), calls.end(), [&](const auto& p) { return p.bytesRead == bytes; }));
    CHECK(calls[calls.size() - 2].bytesRead == 2 * bytes);
    CHECK(calls.back().bytesRead == 2 * bytes);
    CHECK(calls.back().relations == graph->relationCount());
}

TEST_CASE("bulk load: node-link progress rises block by block to every byte, the links' too") {
    TempFolder folder;
    const std::string text = bigNodeLink();
    const auto file = folder.write("big.json", text);
    const auto [calls, graph] = progressOf({file});
    REQUIRE(calls.size() >= 3);
    for (std::size_t i = 1; i < calls.size(); ++i) CHECK(calls[i].bytesRead >= calls[i - 1].bytesRead);
    CHECK(calls[calls.size() - 2].bytesRead == text.size());  // both passes told, before the last report
    CHECK(calls.back().bytesRead == text.size());
    CHECK(calls.back().bytesTotal == text.size());
    CHECK(calls.back().relations == 6000);
    CHECK(graph->entityCount() == 1000);
}
