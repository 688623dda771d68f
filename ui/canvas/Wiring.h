// The edges of the designer canvas and the rules for drawing new ones: which node may be wired to
// which, and what the wire means in the project (a route's integration, a route's authorizer, a
// trigger, a dead-letter queue). Pure functions over project values, so views and tests agree.
#pragma once

#include "document/EntityRef.h"
#include "project/Project.h"

#include <QCoreApplication>

namespace gatehouse {

enum class LinkKind {
    ApiRoute,           // an API owns the route (drawn, never rewired)
    Integration,        // route -> the function its Lambda integration calls
    RouteAuthorizer,    // authorizer -> a route it protects
    AuthorizerFunction, // Lambda authorizer -> the function it calls
    BucketTrigger,      // bucket notification -> function
    ScheduleTarget,     // schedule -> function
    QueueTrigger,       // queue's event source mapping -> function
    DeadLetter,         // function or queue -> its dead-letter queue
    AsyncDestination,   // function -> its on-success (detail 0) or on-failure (detail 1) destination
};

struct Link {
    EntityRef from;
    EntityRef to;
    LinkKind kind = LinkKind::ApiRoute;
    int detail = -1; // BucketTrigger: index of the notification in the bucket; AsyncDestination: 0/1
    bool operator==(const Link &) const = default;
};

// The outcome of a wiring gesture: the edited project and an undo text, or why it was refused.
struct WiringResult {
    std::optional<Project> project;
    QString text; // "Connect route “GET /a” to function “f”" (undo text) or the refusal reason
    bool accepted() const { return project.has_value(); }
};

class Wiring {
    Q_DECLARE_TR_FUNCTIONS(gatehouse::Wiring)
public:
    // Every edge the canvas draws for `project`; references to missing entities draw nothing (the
    // diagnostics panel reports them).
    static QList<Link> links(const Project &project);
    // Whether a wire may start at a node of this kind (the node shows an output port).
    static bool canStartAt(EntityKind kind);
    // Wires `from` (where the drag started) to `to`. Refusals name the reason in the user's words,
    // including the validator's message when the wire would make the project invalid.
    static WiringResult connect(const Project &project, const EntityRef &from, const EntityRef &to);
    // Removes what the edge stands for (the reference, the notification, the trigger).
    static WiringResult disconnect(const Project &project, const Link &link);
};

} // namespace gatehouse
