// The entity an EntityRef names inside a project value, typed: the one place that knows which list
// each kind lives in. Works on a const project (reading, no copy-on-write detach) and on an edited copy.
#pragma once

#include "document/EntityRef.h"
#include "project/Project.h"

#include <type_traits>

namespace gatehouse {

template <typename T, typename P> auto &entityIn(P &project, const EntityRef &ref) {
    static_assert(std::is_same_v<std::remove_const_t<P>, Project>);
    if constexpr (std::is_same_v<T, Project>) {
        return project;
    } else if constexpr (std::is_same_v<T, Function>) {
        return project.functions[ref.index];
    } else if constexpr (std::is_same_v<T, Api>) {
        return project.apis[ref.index];
    } else if constexpr (std::is_same_v<T, Route>) {
        return project.apis[ref.index].routes[ref.subIndex];
    } else if constexpr (std::is_same_v<T, Stage>) {
        return project.apis[ref.index].stages[ref.subIndex];
    } else if constexpr (std::is_same_v<T, Authorizer>) {
        return project.authorizers[ref.index];
    } else if constexpr (std::is_same_v<T, Bucket>) {
        return project.buckets[ref.index];
    } else if constexpr (std::is_same_v<T, Schedule>) {
        return project.schedules[ref.index];
    } else {
        static_assert(std::is_same_v<T, Queue>, "no EntityKind holds this type");
        return project.queues[ref.index];
    }
}

// The JSON path of an entity as diagnostics write it: "functions[1]", "apis[0].routes[2]"; "" for the
// project.
QString jsonPathOf(const EntityRef &ref);

} // namespace gatehouse
