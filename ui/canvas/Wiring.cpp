#include "Wiring.h"

#include "EntityText.h"
#include "document/ProjectEdits.h"
#include "validation/ProjectValidator.h"

#include <QHash>

namespace gatehouse {

namespace {

template <typename List> QHash<QString, int> indexByName(const List &list) {
    QHash<QString, int> index;
    index.reserve(list.size());
    // Backwards, so that with duplicate names the first one wins, as Project::find* does.
    for (int i = int(list.size()) - 1; i >= 0; --i)
        index.insert(list[i].name, i);
    return index;
}

QString quoted(const QString &text) {
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

QString describe(const Project &project, const EntityRef &ref) {
    return QStringLiteral("%1 %2").arg(EntityText::kindName(ref.kind),
                                       quoted(ProjectEdits::nameOf(project, ref)));
}

// The JSON path of the field a wire edits, where the validator would report a problem with it.
QString fieldPath(const EntityRef &from, const EntityRef &to) {
    switch (from.kind) {
    case EntityKind::Route:
        return QStringLiteral("apis[%1].routes[%2].integration").arg(from.index).arg(from.subIndex);
    case EntityKind::Authorizer:
        return to.kind == EntityKind::Route
                   ? QStringLiteral("apis[%1].routes[%2].authorizer").arg(to.index).arg(to.subIndex)
                   : QStringLiteral("authorizers[%1].function").arg(from.index);
    case EntityKind::Bucket:
        return QStringLiteral("buckets[%1].notifications").arg(from.index);
    case EntityKind::Schedule:
        return QStringLiteral("schedules[%1].function").arg(from.index);
    case EntityKind::Queue:
        return to.kind == EntityKind::Queue ? QStringLiteral("queues[%1].deadLetterQueue").arg(from.index)
                                            : QStringLiteral("queues[%1].trigger").arg(from.index);
    case EntityKind::Function:
        return QStringLiteral("functions[%1].deadLetterQueue").arg(from.index);
    default:
        break;
    }
    return {};
}

// The first error the edit introduces at or below `path`, if any: the validator is the one source
// of truth for what AWS accepts (authorizer types per API type, overlapping notifications, ...).
QString newErrorAt(const Project &before, const Project &after, const QString &path) {
    const auto errorsAt = [&](const Project &project) {
        QStringList messages;
        for (const Diagnostic &d : validateProject(project))
            if (d.isError() && (d.path == path || d.path.startsWith(path + QLatin1Char('.')) ||
                                d.path.startsWith(path + QLatin1Char('['))))
                messages.append(d.message);
        return messages;
    };
    const QStringList old = errorsAt(before);
    for (const QString &message : errorsAt(after))
        if (!old.contains(message)) return message;
    return {};
}

WiringResult refused(const QString &reason) {
    return {std::nullopt, reason};
}

} // namespace

QList<Link> Wiring::links(const Project &project) {
    QList<Link> result;
    const QHash<QString, int> functions = indexByName(project.functions);
    const QHash<QString, int> authorizers = indexByName(project.authorizers);
    const QHash<QString, int> queues = indexByName(project.queues);
    const auto function = [&](const QString &name) {
        return EntityRef{EntityKind::Function, functions.value(name, -1), -1};
    };
    for (int a = 0; a < project.apis.size(); ++a) {
        const Api &api = project.apis[a];
        for (int r = 0; r < api.routes.size(); ++r) {
            const Route &route = api.routes[r];
            const EntityRef routeRef{EntityKind::Route, a, r};
            result.append({{EntityKind::Api, a, -1}, routeRef, LinkKind::ApiRoute});
            if (route.integration.type == IntegrationType::Lambda &&
                functions.contains(route.integration.function))
                result.append({routeRef, function(route.integration.function), LinkKind::Integration});
            if (authorizers.contains(route.authorizer))
                result.append({{EntityKind::Authorizer, authorizers.value(route.authorizer), -1},
                               routeRef,
                               LinkKind::RouteAuthorizer});
        }
    }
    for (int i = 0; i < project.authorizers.size(); ++i) {
        const Authorizer &authorizer = project.authorizers[i];
        if (authorizer.type == AuthorizerType::Lambda && functions.contains(authorizer.function))
            result.append({{EntityKind::Authorizer, i, -1},
                           function(authorizer.function),
                           LinkKind::AuthorizerFunction});
    }
    for (int b = 0; b < project.buckets.size(); ++b) {
        const QList<BucketNotification> &notifications = project.buckets[b].notifications;
        for (int n = 0; n < notifications.size(); ++n)
            if (functions.contains(notifications[n].function))
                result.append({{EntityKind::Bucket, b, -1},
                               function(notifications[n].function),
                               LinkKind::BucketTrigger,
                               n});
    }
    for (int s = 0; s < project.schedules.size(); ++s)
        if (functions.contains(project.schedules[s].function))
            result.append({{EntityKind::Schedule, s, -1},
                           function(project.schedules[s].function),
                           LinkKind::ScheduleTarget});
    for (int q = 0; q < project.queues.size(); ++q) {
        const Queue &queue = project.queues[q];
        if (queue.trigger && functions.contains(queue.trigger->function))
            result.append(
                {{EntityKind::Queue, q, -1}, function(queue.trigger->function), LinkKind::QueueTrigger});
        if (queues.contains(queue.deadLetterQueue))
            result.append({{EntityKind::Queue, q, -1},
                           {EntityKind::Queue, queues.value(queue.deadLetterQueue), -1},
                           LinkKind::DeadLetter});
    }
    for (int f = 0; f < project.functions.size(); ++f)
        if (queues.contains(project.functions[f].deadLetterQueue))
            result.append({{EntityKind::Function, f, -1},
                           {EntityKind::Queue, queues.value(project.functions[f].deadLetterQueue), -1},
                           LinkKind::DeadLetter});
    // Destinations are chosen in the function's form; the canvas draws them (and Delete removes them).
    for (int f = 0; f < project.functions.size(); ++f) {
        const AsyncInvokeConfig &async = project.functions[f].asyncInvoke;
        const AsyncDestination *destinations[] = {&async.onSuccess, &async.onFailure};
        for (int detail = 0; detail < 2; ++detail) {
            const AsyncDestination &d = *destinations[detail];
            if (queues.contains(d.queue))
                result.append({{EntityKind::Function, f, -1},
                               {EntityKind::Queue, queues.value(d.queue), -1},
                               LinkKind::AsyncDestination,
                               detail});
            else if (functions.contains(d.function) && d.function != project.functions[f].name)
                result.append({{EntityKind::Function, f, -1},
                               function(d.function),
                               LinkKind::AsyncDestination,
                               detail});
        }
    }
    return result;
}

bool Wiring::canStartAt(EntityKind kind) {
    switch (kind) {
    case EntityKind::Route:
    case EntityKind::Authorizer:
    case EntityKind::Bucket:
    case EntityKind::Schedule:
    case EntityKind::Queue:
    case EntityKind::Function:
        return true;
    default:
        return false;
    }
}

WiringResult Wiring::connect(const Project &project, const EntityRef &from, const EntityRef &to) {
    if (!ProjectEdits::exists(project, from) || !ProjectEdits::exists(project, to))
        return refused(tr("That part of the project no longer exists."));
    if (from == to) return refused(tr("A node cannot be wired to itself."));
    Project after = project;
    const QString toName = ProjectEdits::nameOf(project, to);
    const auto alreadyWired = [&] {
        return refused(tr("Already wired: %1 to %2.").arg(describe(project, from), describe(project, to)));
    };
    switch (from.kind) {
    case EntityKind::Api:
        return refused(
            tr("Routes belong to their API: drop a route from the palette onto the API to add one."));
    case EntityKind::Route: {
        if (to.kind != EntityKind::Function)
            return refused(tr("A route is wired to the function its integration calls."));
        Integration &integration = after.apis[from.index].routes[from.subIndex].integration;
        if (integration.type == IntegrationType::Lambda && integration.function == toName)
            return alreadyWired();
        integration.type = IntegrationType::Lambda;
        integration.function = toName;
        break;
    }
    case EntityKind::Authorizer: {
        Authorizer &authorizer = after.authorizers[from.index];
        if (to.kind == EntityKind::Route) {
            QString &name = after.apis[to.index].routes[to.subIndex].authorizer;
            if (name == authorizer.name) return alreadyWired();
            name = authorizer.name;
        } else if (to.kind == EntityKind::Function) {
            if (authorizer.type != AuthorizerType::Lambda)
                return refused(
                    tr("Only Lambda authorizers call a function; %1 is a %2 authorizer.")
                        .arg(quoted(authorizer.name), EntityText::authorizerType(authorizer.type)));
            if (authorizer.function == toName) return alreadyWired();
            authorizer.function = toName;
        } else {
            return refused(
                tr("An authorizer is wired to the routes it protects (or, for a Lambda authorizer, "
                   "to its function)."));
        }
        break;
    }
    case EntityKind::Bucket: {
        if (to.kind != EntityKind::Function)
            return refused(tr("A bucket's notifications invoke functions: wire it to a function."));
        QList<BucketNotification> &notifications = after.buckets[from.index].notifications;
        for (const BucketNotification &n : notifications)
            if (n.function == toName && n.prefix.isEmpty() && n.suffix.isEmpty()) return alreadyWired();
        BucketNotification notification;
        notification.function = toName;
        notifications.append(notification);
        break;
    }
    case EntityKind::Schedule: {
        if (to.kind != EntityKind::Function)
            return refused(tr("A schedule invokes a function: wire it to a function."));
        QString &function = after.schedules[from.index].function;
        if (function == toName) return alreadyWired();
        function = toName;
        break;
    }
    case EntityKind::Queue: {
        Queue &queue = after.queues[from.index];
        if (to.kind == EntityKind::Function) {
            if (queue.trigger && queue.trigger->function == toName) return alreadyWired();
            QueueTrigger trigger = queue.trigger.value_or(QueueTrigger{});
            trigger.function = toName;
            queue.trigger = trigger;
        } else if (to.kind == EntityKind::Queue) {
            if (queue.deadLetterQueue == toName) return alreadyWired();
            queue.deadLetterQueue = toName;
        } else {
            return refused(
                tr("A queue is wired to the function that consumes it, or to its dead-letter queue."));
        }
        break;
    }
    case EntityKind::Function: {
        if (to.kind != EntityKind::Queue)
            return refused(tr("A function is wired only to a queue, its dead-letter queue. Wire routes, "
                              "triggers and authorizers from their own nodes to the function."));
        QString &queue = after.functions[from.index].deadLetterQueue;
        if (queue == toName) return alreadyWired();
        queue = toName;
        break;
    }
    default:
        return refused(tr("Nothing can be wired from %1.").arg(describe(project, from)));
    }
    if (const QString error = newErrorAt(project, after, fieldPath(from, to)); !error.isEmpty())
        return refused(tr("Not wired: %1.").arg(error));
    return {std::move(after), tr("Wire %1 to %2").arg(describe(project, from), describe(project, to))};
}

WiringResult Wiring::disconnect(const Project &project, const Link &link) {
    if (!ProjectEdits::exists(project, link.from) || !ProjectEdits::exists(project, link.to))
        return refused(tr("That part of the project no longer exists."));
    Project after = project;
    switch (link.kind) {
    case LinkKind::ApiRoute:
        return refused(tr("A route cannot leave its API; delete the route instead."));
    case LinkKind::Integration:
        after.apis[link.from.index].routes[link.from.subIndex].integration.function.clear();
        break;
    case LinkKind::RouteAuthorizer:
        after.apis[link.to.index].routes[link.to.subIndex].authorizer.clear();
        break;
    case LinkKind::AuthorizerFunction:
        after.authorizers[link.from.index].function.clear();
        break;
    case LinkKind::BucketTrigger: {
        QList<BucketNotification> &notifications = after.buckets[link.from.index].notifications;
        if (link.detail < 0 || link.detail >= notifications.size())
            return refused(tr("That wire no longer exists."));
        notifications.removeAt(link.detail);
        break;
    }
    case LinkKind::ScheduleTarget:
        after.schedules[link.from.index].function.clear();
        break;
    case LinkKind::QueueTrigger:
        after.queues[link.from.index].trigger.reset();
        break;
    case LinkKind::DeadLetter:
        if (link.from.kind == EntityKind::Function)
            after.functions[link.from.index].deadLetterQueue.clear();
        else
            after.queues[link.from.index].deadLetterQueue.clear();
        break;
    case LinkKind::AsyncDestination: {
        AsyncInvokeConfig &async = after.functions[link.from.index].asyncInvoke;
        AsyncDestination &d = link.detail == 0 ? async.onSuccess : async.onFailure;
        d.queue.clear();
        d.function.clear();
        break;
    }
    }
    return {std::move(after),
            tr("Unwire %1 from %2").arg(describe(project, link.from), describe(project, link.to))};
}

} // namespace gatehouse
