#include "SourceDocument.h"

#include "io/JsonText.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace gatehouse {

QString sourcePath(const QString &parent, const std::string &key) {
    const QString k = QString::fromStdString(key);
    return parent.isEmpty() ? k : parent + QLatin1Char('.') + k;
}

QString sourcePath(const QString &parent, qsizetype index) {
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

Diagnostic SourceDocument::diagnostic(Diagnostic::Severity severity, const QString &path,
                                      const QString &message, const QString &hint) const {
    Diagnostic d;
    d.severity = severity;
    d.file = fileName;
    d.path = path;
    d.message = message;
    d.hint = hint;
    // Walk up to the nearest ancestor with a known position ("a.b[2].c" -> "a.b[2]" -> "a.b" -> "a").
    QString p = path;
    while (!p.isEmpty()) {
        if (const auto it = positions.constFind(p); it != positions.constEnd()) {
            std::tie(d.line, d.column) = *it;
            break;
        }
        const qsizetype cut = std::max(p.lastIndexOf(QLatin1Char('.')), p.lastIndexOf(QLatin1Char('[')));
        if (cut <= 0) break;
        p.truncate(cut);
    }
    return d;
}

namespace {

// Thrown from the event handler to stop yaml-cpp's parser at once (it is exception-safe).
struct LimitExceeded {
    YAML::Mark mark;
    QString message;
};

// Core-schema resolution of plain scalars (YAML 1.2, as js-yaml and CloudFormation read templates).
OrderedJson resolvePlain(const std::string &text) {
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression hex(QStringLiteral("^0x[0-9a-fA-F]+$"));
    static const QRegularExpression octal(QStringLiteral("^0o[0-7]+$"));
    static const QRegularExpression number(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    const QString t = QString::fromStdString(text);
    if (t.isEmpty() || t == QLatin1String("~") || t == QLatin1String("null") || t == QLatin1String("Null") ||
        t == QLatin1String("NULL"))
        return nullptr;
    if (t == QLatin1String("true") || t == QLatin1String("True") || t == QLatin1String("TRUE")) return true;
    if (t == QLatin1String("false") || t == QLatin1String("False") || t == QLatin1String("FALSE"))
        return false;
    bool ok = false;
    if (integer.match(t).hasMatch()) {
        const qlonglong v = t.toLongLong(&ok);
        if (ok) return static_cast<std::int64_t>(v);
    }
    if (hex.match(t).hasMatch()) {
        const qlonglong v = t.mid(2).toLongLong(&ok, 16);
        if (ok) return static_cast<std::int64_t>(v);
    }
    if (octal.match(t).hasMatch()) {
        const qlonglong v = t.mid(2).toLongLong(&ok, 8);
        if (ok) return static_cast<std::int64_t>(v);
    }
    if (number.match(t).hasMatch()) {
        const double v = t.toDouble(&ok);
        if (ok) return v;
    }
    return text; // .inf/.nan have no JSON form; keeping the text is the honest choice
}

OrderedJson resolveTagged(const std::string &tag, const std::string &text) {
    if (tag == "?") return resolvePlain(text);
    if (tag == "!" || tag == "tag:yaml.org,2002:str" || tag == "tag:yaml.org,2002:binary") return text;
    if (tag == "tag:yaml.org,2002:null") return nullptr;
    if (tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float")
        return resolvePlain(text);
    return text;
}

// !Ref X -> {"Ref": X}, !GetAtt A.B -> {"Fn::GetAtt": [A, B]}, !Condition C, !Sub/!Join/... -> {"Fn::...":
// v}.
OrderedJson applyShortTag(const std::string &tag, OrderedJson value) {
    if (tag.size() < 2 || tag[0] != '!' || tag[1] == '!' || tag.rfind("!<", 0) == 0) return value;
    const std::string name = tag.substr(1);
    if (name == "Ref" || name == "Condition") return OrderedJson{{name, std::move(value)}};
    if (name == "GetAtt" && value.is_string()) {
        const std::string s = value.get<std::string>();
        const auto dot = s.find('.');
        OrderedJson args = dot == std::string::npos
                               ? OrderedJson::array({s})
                               : OrderedJson::array({s.substr(0, dot), s.substr(dot + 1)});
        return OrderedJson{{"Fn::GetAtt", std::move(args)}};
    }
    if (value.is_null()) value = "";
    return OrderedJson{{"Fn::" + name, std::move(value)}};
}

class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(const SourceLimits &limits, QHash<QString, std::pair<int, int>> &positions)
        : m_limits(limits)
        , m_positions(positions) {}

    OrderedJson takeRoot() { return std::move(m_root); }
    bool documentStarted() const { return m_documents > 0; }

    void OnDocumentStart(const YAML::Mark &) override { ++m_documents; }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { leaf(mark, nullptr, anchor); }
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override {
        if (expectingKey()) {
            m_stack.back().key = value;
            m_stack.back().keyMark = mark;
            m_stack.back().haveKey = true;
            return;
        }
        leaf(mark, applyShortTag(tag, resolveTagged(tag, value)), anchor);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override {
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end())
            throw LimitExceeded{mark, QCoreApplication::translate("gatehouse::Import", "unknown alias")};
        if (expectingKey())
            throw LimitExceeded{mark, QCoreApplication::translate(
                                          "gatehouse::Import", "aliases as mapping keys are not supported")};
        count(mark, it->second.nodes); // a YAML bomb repeats aliases until this budget runs out
        place(mark, it->second.value);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, tag, anchor, OrderedJson::array());
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, tag, anchor, OrderedJson::object());
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        OrderedJson value;
        std::string tag;
        YAML::anchor_t anchor = 0;
        YAML::Mark mark;
        QString path;
        qint64 nodesAtStart = 0;
        std::string key; // pending key of a mapping
        YAML::Mark keyMark;
        bool haveKey = false;
    };

    bool expectingKey() const {
        return !m_stack.empty() && m_stack.back().value.is_object() && !m_stack.back().haveKey;
    }

    void count(const YAML::Mark &mark, qint64 nodes) {
        m_nodes += nodes;
        if (m_nodes > m_limits.maxNodes)
            throw LimitExceeded{mark, QCoreApplication::translate(
                                          "gatehouse::Import",
                                          "the document expands to more than %1 nodes (a YAML alias bomb?)")
                                          .arg(m_limits.maxNodes)};
    }

    QString childPath() const {
        if (m_stack.empty()) return {};
        const Frame &f = m_stack.back();
        return f.value.is_object() ? sourcePath(f.path, f.key)
                                   : sourcePath(f.path, qsizetype(f.value.size()));
    }

    void open(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor, OrderedJson empty) {
        if (expectingKey())
            throw LimitExceeded{mark, QCoreApplication::translate("gatehouse::Import",
                                                                  "complex mapping keys are not supported")};
        if (int(m_stack.size()) >= m_limits.maxDepth)
            throw LimitExceeded{mark, QCoreApplication::translate("gatehouse::Import",
                                                                  "the document nests deeper than %1 levels")
                                          .arg(m_limits.maxDepth)};
        count(mark, 1);
        Frame f;
        f.value = std::move(empty);
        f.tag = tag;
        f.anchor = anchor;
        f.mark = mark;
        f.path = childPath();
        f.nodesAtStart = m_nodes - 1;
        m_stack.push_back(std::move(f));
    }

    void close() {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        OrderedJson value = applyShortTag(f.tag, std::move(f.value));
        if (f.anchor) m_anchors[f.anchor] = {value, m_nodes - f.nodesAtStart};
        place(f.mark, std::move(value));
    }

    void leaf(const YAML::Mark &mark, OrderedJson value, YAML::anchor_t anchor) {
        count(mark, 1);
        if (anchor) m_anchors[anchor] = {value, 1};
        place(mark, std::move(value));
    }

    void place(const YAML::Mark &mark, OrderedJson value) {
        const QString path = childPath();
        m_positions.insert(path, {mark.line + 1, mark.column + 1});
        if (m_stack.empty()) {
            m_root = std::move(value);
            return;
        }
        Frame &parent = m_stack.back();
        if (parent.value.is_array()) {
            parent.value.push_back(std::move(value));
            return;
        }
        parent.haveKey = false;
        if (parent.key == "<<" && (value.is_object() || value.is_array())) {
            // YAML merge key: copy the merged mappings' keys that this mapping does not set itself.
            const OrderedJson sources = value.is_array() ? value : OrderedJson::array({value});
            for (const OrderedJson &source : sources)
                if (source.is_object())
                    for (const auto &[k, v] : source.items())
                        if (!parent.value.contains(k)) parent.value[k] = v;
            return;
        }
        if (parent.value.contains(parent.key)) m_duplicates.append(path);
        parent.value[parent.key] = std::move(value);
    }

    const SourceLimits &m_limits;
    QHash<QString, std::pair<int, int>> &m_positions;
    std::vector<Frame> m_stack;
    struct Anchored {
        OrderedJson value;
        qint64 nodes = 0;
    };
    std::map<YAML::anchor_t, Anchored> m_anchors;
    OrderedJson m_root;
    qint64 m_nodes = 0;
    int m_documents = 0;
    QStringList m_duplicates;

public:
    const QStringList &duplicates() const { return m_duplicates; }
};

Diagnostic fileError(const QString &fileName, const QString &message, int line = 0, int column = 0,
                     const QString &hint = {}) {
    Diagnostic d;
    d.file = fileName;
    d.message = message;
    d.line = line;
    d.column = column;
    d.hint = hint;
    return d;
}

} // namespace

std::optional<SourceDocument> parseSourceDocument(const QByteArray &text, const QString &fileName,
                                                  Diagnostics &diagnostics, const SourceLimits &limits) {
    if (text.size() > limits.maxBytes) {
        diagnostics.append(fileError(
            fileName, QCoreApplication::translate("gatehouse::Import",
                                                  "file is too large (%1 bytes; the limit is %2 bytes)")
                          .arg(text.size())
                          .arg(limits.maxBytes)));
        return std::nullopt;
    }
    const QByteArray trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        diagnostics.append(
            fileError(fileName, QCoreApplication::translate("gatehouse::Import", "file is empty")));
        return std::nullopt;
    }
    SourceDocument doc;
    doc.fileName = fileName;
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        JsonTextLimits jsonLimits;
        jsonLimits.maxBytes = limits.maxBytes;
        jsonLimits.maxDepth = limits.maxDepth;
        std::optional<OrderedJson> json = parseJsonText(text, fileName, diagnostics, jsonLimits);
        if (!json) return std::nullopt;
        doc.root = std::move(*json);
        return doc;
    }
    std::istringstream stream(text.toStdString());
    TreeBuilder builder(limits, doc.positions);
    try {
        YAML::Parser parser(stream);
        parser.HandleNextDocument(builder);
        // A second document is only detected, not kept: it goes to a throwaway builder (same limits).
        QHash<QString, std::pair<int, int>> ignoredPositions;
        TreeBuilder rest(limits, ignoredPositions);
        if (parser.HandleNextDocument(rest))
            diagnostics.append(doc.diagnostic(
                Diagnostic::Severity::Warning, {},
                QCoreApplication::translate(
                    "gatehouse::Import", "the file holds several YAML documents; only the first is read")));
    } catch (const LimitExceeded &e) {
        diagnostics.append(fileError(
            fileName, e.message, e.mark.line + 1, e.mark.column + 1,
            QCoreApplication::translate("gatehouse::Import",
                                        "this does not look like a template, definition or collection")));
        return std::nullopt;
    } catch (const YAML::Exception &e) {
        // yaml-cpp's marks are 0-based; its message repeats them, so keep only the explanation.
        diagnostics.append(fileError(
            fileName,
            QCoreApplication::translate("gatehouse::Import", "invalid YAML: %1")
                .arg(QString::fromStdString(e.msg)),
            e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1,
            QCoreApplication::translate("gatehouse::Import", "fix the syntax at the given line and column")));
        return std::nullopt;
    } catch (const std::exception &e) {
        diagnostics.append(
            fileError(fileName, QCoreApplication::translate("gatehouse::Import", "cannot read YAML: %1")
                                    .arg(QString::fromUtf8(e.what()))));
        return std::nullopt;
    }
    doc.root = builder.takeRoot();
    for (const QString &path : builder.duplicates())
        diagnostics.append(doc.diagnostic(
            Diagnostic::Severity::Warning, path,
            QCoreApplication::translate("gatehouse::Import", "duplicate key; the last value is used")));
    return doc;
}

} // namespace gatehouse
