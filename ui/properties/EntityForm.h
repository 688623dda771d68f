// A property form for one type of entity (Function, Route, ...): lenses and table adapters written
// against the entity's struct, resolved through the form's current EntityRef at the moment they run,
// so one form serves every entity of its kind.
#pragma once

#include "EntityAccess.h"
#include "PropertyForm.h"

#include <functional>
#include <type_traits>

namespace gatehouse {

template <typename T> constexpr EntityKind entityKindOf() {
    if constexpr (std::is_same_v<T, Project>)
        return EntityKind::Project;
    else if constexpr (std::is_same_v<T, Function>)
        return EntityKind::Function;
    else if constexpr (std::is_same_v<T, Api>)
        return EntityKind::Api;
    else if constexpr (std::is_same_v<T, Route>)
        return EntityKind::Route;
    else if constexpr (std::is_same_v<T, Stage>)
        return EntityKind::Stage;
    else if constexpr (std::is_same_v<T, Authorizer>)
        return EntityKind::Authorizer;
    else if constexpr (std::is_same_v<T, Bucket>)
        return EntityKind::Bucket;
    else if constexpr (std::is_same_v<T, Schedule>)
        return EntityKind::Schedule;
    else
        return EntityKind::Queue;
}

template <typename T> class EntityForm : public PropertyForm {
public:
    EntityForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
        : PropertyForm(entityKindOf<T>(), document, undoStack, parent) {}

protected:
    const T &entity(const Project &project) const { return entityIn<T>(project, entityRef()); }
    T &entity(Project &project) const { return entityIn<T>(project, entityRef()); }

    // A lens through an accessor of T: a member pointer (&Function::handler) or a generic lambda
    // returning a reference ([](auto &r) -> auto & { return r.integration.url; }).
    template <typename Access> auto lens(Access access) const {
        using V = std::remove_cvref_t<std::invoke_result_t<Access, const T &>>;
        return Lens<V>{[this, access](const Project &p) -> V { return std::invoke(access, entity(p)); },
                       [this, access](Project &p, const V &v) { std::invoke(access, entity(p)) = v; }};
    }

    // A lens from a getter and a setter on T, for values stored in another form (enums as text).
    template <typename V>
    Lens<V> lens(std::function<V(const T &)> get, std::function<void(T &, const V &)> set) const {
        return Lens<V>{[this, get](const Project &p) { return get(entity(p)); },
                       [this, set](Project &p, const V &v) { set(entity(p), v); }};
    }

    // The accessor as a function of the project, for tableOver() and nameValueTable().
    template <typename Access> auto listOf(Access access) const {
        return [ this, access ](auto &project) -> auto & {
            return std::invoke(access, entity(project));
        };
    }

    // The names of the other entities of this kind: what a new name must not repeat.
    std::function<QStringList(const Project &)> siblingNames() const {
        return [this](const Project &project) {
            QStringList names;
            const auto &self = entity(project);
            auto add = [&](const auto &list) {
                for (const auto &item : list)
                    if (&item != &self) names.append(item.name);
            };
            if constexpr (std::is_same_v<T, Stage>)
                add(project.apis[entityRef().index].stages);
            else if constexpr (std::is_same_v<T, Function>)
                add(project.functions);
            else if constexpr (std::is_same_v<T, Api>)
                add(project.apis);
            else if constexpr (std::is_same_v<T, Authorizer>)
                add(project.authorizers);
            else if constexpr (std::is_same_v<T, Bucket>)
                add(project.buckets);
            else if constexpr (std::is_same_v<T, Schedule>)
                add(project.schedules);
            else if constexpr (std::is_same_v<T, Queue>)
                add(project.queues);
            return names;
        };
    }
};

} // namespace gatehouse
