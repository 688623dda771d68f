// Hash and equality for std::unordered_map keyed by QString that can be looked up with a QStringView:
// recording paths find their series without building (allocating) a QString per request.
#pragma once

#include <QHashFunctions>
#include <QString>
#include <QStringView>

namespace gatehouse {

struct StringKeyHash {
    using is_transparent = void;
    size_t operator()(QStringView s) const { return qHash(s); }
};

struct StringKeyEqual {
    using is_transparent = void;
    bool operator()(QStringView a, QStringView b) const { return a == b; }
};

} // namespace gatehouse
