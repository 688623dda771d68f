#include "ApiForm.h"

#include "EntityText.h"

#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace gatehouse {

namespace {
QString corsKey(const char *key) {
    return QStringLiteral("cors.") + QLatin1String(key);
}

// CORS settings are optional as a whole: editing any of them creates the object, and clearing the
// last of the lists the file needs removes it again.
template <typename V> Lens<V> corsLens(Lens<std::optional<Cors>> cors, V Cors::*member) {
    return {[cors, member](const Project &p) { return cors.get(p).value_or(Cors{}).*member; },
            [cors, member](Project &p, const V &value) {
                Cors edited = cors.get(p).value_or(Cors{});
                edited.*member = value;
                cors.set(p, edited == Cors{} ? std::nullopt : std::optional<Cors>(edited));
            }};
}
} // namespace

ApiForm::ApiForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
    : EntityForm(document, undoStack, parent)
    , m_type(new QLabel) {
    QFormLayout *general = addSection({});
    addName(general, tr("Name"), lens(&Api::name), siblingNames());
    addText(general, tr("Description"), QStringLiteral("description"), lens(&Api::description));
    // The type decides what routes look like; changing it is a different API, not a property edit.
    addRow(general, tr("Type"), m_type);
    addSpin(general, tr("Local port"), QStringLiteral("port"), lens(&Api::port),
            {0, 65535, 1, {}, tr("Automatic")})
        ->setToolTip(tr("The port the API listens on while running locally; Automatic picks a free one."));
    addText(general, tr("Route selection"), QStringLiteral("routeSelectionExpression"),
            lens(&Api::routeSelectionExpression), QStringLiteral("$request.body.action"));
    addList(general, tr("Binary media types"), QStringLiteral("binaryMediaTypes"),
            lens(&Api::binaryMediaTypes), tr("e.g. image/png, application/octet-stream"));

    QFormLayout *throttling = addSection(tr("Default route throttling"));
    addThrottling(throttling, QStringLiteral("throttling"),
                  lens([](auto &a) -> auto & { return a.throttling.rateLimit; }),
                  lens([](auto &a) -> auto & { return a.throttling.burstLimit; }));

    m_cors = addSection(tr("CORS"));
    const Lens<std::optional<Cors>> cors = lens(&Api::cors);
    addList(m_cors, tr("Allowed origins"), corsKey("allowOrigins"), corsLens(cors, &Cors::allowOrigins),
            tr("https://example.com, or *"));
    addList(m_cors, tr("Allowed methods"), corsKey("allowMethods"), corsLens(cors, &Cors::allowMethods),
            tr("GET, POST, or *"));
    addList(m_cors, tr("Allowed headers"), corsKey("allowHeaders"), corsLens(cors, &Cors::allowHeaders),
            tr("content-type, authorization"));
    addList(m_cors, tr("Exposed headers"), corsKey("exposeHeaders"), corsLens(cors, &Cors::exposeHeaders));
    addOptionalNumber(m_cors, tr("Max age"), corsKey("maxAgeSeconds"),
                      asOptionalDouble(corsLens(cors, &Cors::maxAgeSeconds)), tr("Cache for"),
                      {0, 86400, 60, 0, tr(" s"), 600});
    addCheck(m_cors, {}, corsKey("allowCredentials"), corsLens(cors, &Cors::allowCredentials),
             tr("Allow credentials (cookies, authorization headers)"));
}

void ApiForm::updateVisibility(const Project &project) {
    const ApiType type = entity(project).type;
    setFieldVisible(QStringLiteral("routeSelectionExpression"), type == ApiType::WebSocket);
    setFieldVisible(QStringLiteral("binaryMediaTypes"), type == ApiType::Rest);
    setSectionVisible(m_cors, type != ApiType::WebSocket);
}

void ApiForm::updateExtras(const Project &project) {
    m_type->setText(EntityText::apiType(entity(project).type));
}

} // namespace gatehouse
