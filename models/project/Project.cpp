#include "Project.h"

#include <algorithm>

namespace gatehouse {

namespace {
template <typename List> auto findByName(List &list, const QString &name) -> decltype(&list.front()) {
    auto it = std::find_if(list.begin(), list.end(), [&](const auto &item) { return item.name == name; });
    return it == list.end() ? nullptr : &*it;
}
} // namespace

const Function *Project::findFunction(const QString &name) const {
    return findByName(functions, name);
}
Function *Project::findFunction(const QString &name) {
    return findByName(functions, name);
}
const Api *Project::findApi(const QString &name) const {
    return findByName(apis, name);
}
const Authorizer *Project::findAuthorizer(const QString &name) const {
    return findByName(authorizers, name);
}
const Queue *Project::findQueue(const QString &name) const {
    return findByName(queues, name);
}
const Bucket *Project::findBucket(const QString &name) const {
    return findByName(buckets, name);
}

} // namespace gatehouse
