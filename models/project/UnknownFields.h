// Keys of a project-file object that this version of Gatehouse does not know, kept verbatim so that
// loading and saving a file written by a newer tool (or by hand) never drops data.
#pragma once

#include <nlohmann/json.hpp>

namespace gatehouse {

using OrderedJson = nlohmann::ordered_json;

struct UnknownFields {
    OrderedJson values = OrderedJson::object();

    bool empty() const { return values.empty(); }
    bool operator==(const UnknownFields &) const = default;
};

} // namespace gatehouse
