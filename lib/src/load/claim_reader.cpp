#include "load/claim_reader.hpp"

namespace relgraph::load {

using nlohmann::json;

namespace {

model::Claim readClaim(ObjectReader& c, const model::AttributeDeclarations* declared, const std::string& owner) {
    model::Claim claim;
    claim.id = c.identifier("id", Need::Required);
    claim.source = c.identifier("source", Need::Required);
    claim.by = c.identifiers("by", Need::Optional);
    claim.via = c.identifiers("via", Need::Optional);
    claim.date = c.date("date", Need::Optional);
    if (const json* stance = c.member("stance", Need::Optional, json::value_t::string)) {
        if (*stance == "denies") claim.stance = model::Stance::Denies;
        else if (*stance != "asserts") c.problem("stance", "\"stance\" must be \"asserts\" or \"denies\"");
    }
    claim.summary = c.text("summary", Need::Required);
    claim.values = c.attributes("values", declared, owner);
    c.finish({"id", "source", "by", "via", "date", "stance", "summary", "values"});
    return claim;
}

}  // namespace

std::vector<model::Claim> readClaims(ObjectReader& relation, const model::AttributeDeclarations* declared,
                                     const std::string& owner) {
    std::vector<model::Claim> out;
    const json* claims = relation.member("claims", Need::Required, json::value_t::array);
    if (!claims) return out;
    if (claims->empty()) relation.problem("claims", "a relation must rest on at least one claim");
    for (std::size_t i = 0; i < claims->size(); ++i) {
        ObjectReader c(relation.document(), (*claims)[i], JsonDocument::child(relation.childPointer("claims"), i),
                       relation.problems(), "a claim");
        if (c.isObject()) out.push_back(readClaim(c, declared, owner));
    }
    return out;
}

}  // namespace relgraph::load
