#include "PropertyEditor.h"

#include "ApiForm.h"
#include "AuthorizerForm.h"
#include "BucketForm.h"
#include "FormFields.h"
#include "FunctionForm.h"
#include "ProjectForm.h"
#include "QueueForm.h"
#include "RouteForm.h"
#include "ScheduleForm.h"
#include "StageForm.h"
#include "document/ProjectDocument.h"
#include "document/ProjectEdits.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

// The project has no index: every path that names no entity belongs to it.
EntityRef normalized(EntityRef ref) {
    if (ref.kind == EntityKind::Project) return {EntityKind::Project, -1, -1};
    if (ref.kind != EntityKind::Route && ref.kind != EntityKind::Stage) ref.subIndex = -1;
    return ref;
}

bool hasForm(EntityKind kind) {
    return kind != EntityKind::Request;
}

} // namespace

PropertyEditor::PropertyEditor(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_undoStack(undoStack)
    , m_title(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_hint(
          new QLabel(tr("Select a part of the project in the tree or on the canvas to edit its properties.")))
    , m_ref{EntityKind::Project, -1, -1} {
    setObjectName(QStringLiteral("propertyEditor"));
    m_title->setObjectName(QStringLiteral("propertyTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_title->setContentsMargins(10, 8, 10, 4);

    m_hint->setObjectName(QStringLiteral("propertyHint"));
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setEnabled(false); // the disabled text colour: a hint, not content

    auto *pages = new QWidget;
    m_pages = new QVBoxLayout(pages);
    m_pages->setContentsMargins(10, 4, 10, 10);
    m_pages->addWidget(m_hint);
    m_pages->addStretch(1);
    m_scroll->setWidget(pages);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // No horizontal scroll bar: labels move above their fields when the dock is too narrow for both
    // (PropertyForm::updateWrapping); a bar that comes and goes would resize the viewport in a loop.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->viewport()->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addWidget(m_scroll, 1);

    connect(document, &ProjectDocument::changed, this, &PropertyEditor::onChanged);
    connect(document, &ProjectDocument::projectReplaced, this, &PropertyEditor::onProjectReplaced);
    connect(document, &ProjectDocument::diagnosticsChanged, this, &PropertyEditor::onDiagnosticsChanged);
    showHint();
}

PropertyEditor::~PropertyEditor() {
    // ~QWidget hides the window, and the field that had focus reports its editing as finished.
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    for (PropertyForm *form : std::as_const(m_forms))
        form->detach();
}

PropertyForm *PropertyEditor::formFor(EntityKind kind) {
    if (PropertyForm *form = m_forms.value(int(kind))) return form;
    PropertyForm *form = nullptr;
    QWidget *pages = m_scroll->widget();
    switch (kind) {
    case EntityKind::Project:
        form = new ProjectForm(m_document, m_undoStack, pages);
        break;
    case EntityKind::Function:
        form = new FunctionForm(m_document, m_undoStack, pages);
        break;
    case EntityKind::Api:
        form = new ApiForm(m_document, m_undoStack, pages);
        break;
    case EntityKind::Route:
        form = new RouteForm(m_document, m_undoStack, pages);
        break;
    case EntityKind::Stage:
        form = new StageForm(m_document, m_undoStack, pages);
        break;
    case EntityKind::Authorizer:
        form = new AuthorizerForm(m_document, m_undoStack, pages);
        break;
    case EntityKind::Bucket:
        form = new BucketForm(m_document, m_undoStack, pages);
        break;
    case EntityKind::Schedule:
        form = new ScheduleForm(m_document, m_undoStack, pages);
        break;
    case EntityKind::Queue:
        form = new QueueForm(m_document, m_undoStack, pages);
        break;
    case EntityKind::Request:
        return nullptr;
    }
    form->hide();
    // Above the stretch, which stays last.
    m_pages->insertWidget(m_pages->count() - 1, form);
    m_forms.insert(int(kind), form);
    return form;
}

void PropertyEditor::showEntity(const EntityRef &ref) {
    const EntityRef wanted = normalized(ref);
    if (m_form && wanted == m_ref) return;
    if (!hasForm(wanted.kind) || !ProjectEdits::exists(m_document->project(), wanted)) {
        if (m_form) {
            showHint();
            emit shownEntityChanged();
        }
        return;
    }
    showForm(wanted);
    emit shownEntityChanged();
}

void PropertyEditor::clear() {
    if (!m_form) return;
    showHint();
    emit shownEntityChanged();
}

void PropertyEditor::showForm(const EntityRef &ref) {
    PropertyForm *form = formFor(ref.kind);
    if (m_form && m_form != form) m_form->hide();
    m_hint->hide();
    m_ref = ref;
    m_form = form;
    form->setEntity(ref);
    form->setAvailableWidth(availableWidth());
    form->refresh();
    form->show();
    rememberIdentity();
    updateTitle();
}

void PropertyEditor::showHint() {
    if (m_form) m_form->hide();
    m_form = nullptr;
    m_ref = {EntityKind::Project, -1, -1};
    m_identity.clear();
    m_apiName.clear();
    m_hint->show();
    m_title->setText(tr("Properties"));
}

bool PropertyEditor::focusField(const QString &jsonPath) {
    const EntityRef ref = normalized(entityRefFromJsonPath(jsonPath));
    showEntity(ref);
    if (!m_form || !(m_ref == ref)) return false;
    const QString base = m_form->entityPath();
    const QString relative = base.isEmpty() ? jsonPath : jsonPath.mid(base.size() + 1);
    Field *field = jsonPath.size() > base.size() ? m_form->fieldForPath(relative) : nullptr;
    if (!field) return false;
    // The form may only just have been shown: lay it out so the field has a place to scroll to.
    m_scroll->widget()->adjustSize();
    field->focus(relative.mid(field->key().size()));
    m_scroll->ensureWidgetVisible(field->frame());
    return true;
}

int PropertyEditor::availableWidth() const {
    const QMargins margins = m_pages->contentsMargins();
    return m_scroll->viewport()->width() - margins.left() - margins.right();
}

bool PropertyEditor::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize && m_form)
        m_form->setAvailableWidth(availableWidth());
    return QWidget::eventFilter(watched, event);
}

QWidget *PropertyEditor::fieldEditor(const QString &key) const {
    return m_form ? m_form->editor(key) : nullptr;
}

void PropertyEditor::rememberIdentity() {
    const Project &project = m_document->project();
    m_identity = ProjectEdits::nameOf(project, m_ref);
    m_apiName = (m_ref.kind == EntityKind::Route || m_ref.kind == EntityKind::Stage)
                    ? project.apis[m_ref.index].name
                    : QString();
}

bool PropertyEditor::relocate() {
    if (m_ref.kind == EntityKind::Project) return true; // every project has settings
    const Project &project = m_document->project();
    const auto same = [&](const EntityRef &ref) {
        if (!ProjectEdits::exists(project, ref) || ProjectEdits::nameOf(project, ref) != m_identity)
            return false;
        return m_apiName.isEmpty() || project.apis[ref.index].name == m_apiName;
    };
    if (same(m_ref)) return true;
    if (m_ref.kind == EntityKind::Route || m_ref.kind == EntityKind::Stage) {
        for (int a = 0; a < project.apis.size(); ++a) {
            if (project.apis[a].name != m_apiName) continue;
            const int count = int(m_ref.kind == EntityKind::Route ? project.apis[a].routes.size()
                                                                  : project.apis[a].stages.size());
            for (int i = 0; i < count; ++i) {
                if (!same({m_ref.kind, a, i})) continue;
                m_ref = {m_ref.kind, a, i};
                return true;
            }
        }
        return false;
    }
    const int index = int(ProjectEdits::namesOf(project, m_ref.kind).indexOf(m_identity));
    if (index < 0) return false;
    m_ref.index = index;
    return true;
}

void PropertyEditor::onChanged(const ProjectChange &change) {
    if (!m_form) return;
    if (change.structureChanged) {
        const EntityRef before = m_ref;
        if (!relocate()) {
            showHint();
            emit shownEntityChanged();
            return;
        }
        if (!(before == m_ref)) {
            m_form->setEntity(m_ref);
            m_form->refresh();
            updateTitle();
            emit shownEntityChanged();
            return;
        }
    }
    // Every change refreshes: the form's combo boxes list other entities (functions, authorizers).
    m_form->refresh();
    rememberIdentity();
    updateTitle();
}

void PropertyEditor::onProjectReplaced() {
    if (!m_form) return;
    // As the project tree does after a reload: keep what was shown if the new project has it.
    if (!relocate()) {
        showHint();
        emit shownEntityChanged();
        return;
    }
    m_form->setEntity(m_ref);
    m_form->refresh();
    updateTitle();
    emit shownEntityChanged();
}

void PropertyEditor::onDiagnosticsChanged() {
    // Saving drops the diagnostics of the file as it was loaded without changing the project.
    if (m_form && ProjectEdits::exists(m_document->project(), m_ref))
        m_form->showDiagnostics(m_document->diagnostics());
}

void PropertyEditor::updateTitle() {
    const QString name = ProjectEdits::nameOf(m_document->project(), m_ref);
    switch (m_ref.kind) {
    case EntityKind::Project:
        return m_title->setText(tr("Project settings"));
    case EntityKind::Function:
        return m_title->setText(tr("Function \u201c%1\u201d").arg(name));
    case EntityKind::Api:
        return m_title->setText(tr("API \u201c%1\u201d").arg(name));
    case EntityKind::Route:
        return m_title->setText(tr("Route \u201c%1\u201d of %2").arg(name, m_apiName));
    case EntityKind::Stage:
        return m_title->setText(tr("Stage \u201c%1\u201d of %2").arg(name, m_apiName));
    case EntityKind::Authorizer:
        return m_title->setText(tr("Authorizer \u201c%1\u201d").arg(name));
    case EntityKind::Bucket:
        return m_title->setText(tr("Bucket \u201c%1\u201d").arg(name));
    case EntityKind::Schedule:
        return m_title->setText(tr("Schedule \u201c%1\u201d").arg(name));
    case EntityKind::Queue:
        return m_title->setText(tr("Queue \u201c%1\u201d").arg(name));
    case EntityKind::Request:
        break;
    }
}

} // namespace gatehouse
