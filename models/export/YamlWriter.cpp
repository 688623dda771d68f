#include "YamlWriter.h"

#include <QRegularExpression>
#include <yaml-cpp/yaml.h>

namespace gatehouse {

bool yamlPlainScalarIsAmbiguous(const QString &text) {
    if (text.isEmpty()) return true;
    // YAML 1.1 (CloudFormation, PyYAML, serverless) reads yes/no/on/off/y/n as booleans and
    // 1:30 as sexagesimal; YAML 1.2 (js-yaml, yaml-cpp) does not. Quote for the strictest reader.
    static const QRegularExpression ambiguous(
        QStringLiteral("^(?:~|null|Null|NULL"
                       "|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF"
                       "|y|Y|n|N"
                       "|[-+]?(?:0|[1-9][0-9_]*)"                              // decimal integers
                       "|[-+]?0[0-7_]+|0o[0-7]+"                               // octal
                       "|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+"                   // hex, binary
                       "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?"    // sexagesimal
                       "|[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+]?[0-9]+)?" // floats
                       "|[-+]?[0-9][0-9_]*(?:\\.[0-9_]*)?[eE][-+]?[0-9]+"
                       "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
                       "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?" // timestamps
                       "|=|<<)$"));
    if (ambiguous.match(text).hasMatch()) return true;
    // yaml-cpp decides about indicators itself, but not about a leading or trailing blank.
    return text.front().isSpace() || text.back().isSpace();
}

namespace {

std::string str(const std::string &key) {
    return key;
}

class Writer {
public:
    Writer(YAML::Emitter &out, const YamlWriteOptions &options)
        : m_out(out)
        , m_options(options) {}

    void value(const OrderedJson &v) {
        switch (v.type()) {
        case OrderedJson::value_t::object:
            if (m_options.shortIntrinsics && intrinsic(v)) return;
            object(v);
            return;
        case OrderedJson::value_t::array:
            array(v, false);
            return;
        case OrderedJson::value_t::string:
            string(v.get<std::string>());
            return;
        case OrderedJson::value_t::boolean:
            m_out << v.get<bool>();
            return;
        case OrderedJson::value_t::number_integer:
            m_out << v.get<std::int64_t>();
            return;
        case OrderedJson::value_t::number_unsigned:
            m_out << v.get<std::uint64_t>();
            return;
        case OrderedJson::value_t::number_float:
            // nlohmann prints the shortest text that reads back as the same double ("0.1", "10.0");
            // yaml-cpp's own double output would print 17 significant digits.
            m_out << v.dump();
            return;
        default:
            m_out << YAML::Null;
            return;
        }
    }

private:
    void string(const std::string &text) {
        if (yamlPlainScalarIsAmbiguous(QString::fromStdString(text))) {
            const bool printable = std::all_of(text.begin(), text.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x20 || c == '\t';
            });
            m_out << (printable ? YAML::SingleQuoted : YAML::DoubleQuoted);
        }
        m_out << text;
    }

    void object(const OrderedJson &v) {
        if (v.empty()) {
            m_out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            return;
        }
        m_out << YAML::BeginMap;
        for (const auto &[key, item] : v.items()) {
            m_out << YAML::Key;
            string(str(key));
            m_out << YAML::Value;
            value(item);
        }
        m_out << YAML::EndMap;
    }

    void array(const OrderedJson &v, bool flow) {
        if (v.empty()) {
            m_out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            return;
        }
        if (flow) m_out << YAML::Flow;
        m_out << YAML::BeginSeq;
        for (const OrderedJson &item : v)
            value(item);
        m_out << YAML::EndSeq;
    }

    // {"Ref": "X"} -> !Ref X, {"Fn::GetAtt": ["A", "B"]} -> !GetAtt A.B, {"Fn::Sub": s} -> !Sub s,
    // {"Fn::Join": [...]} -> !Join [...]. Returns false for every other object.
    bool intrinsic(const OrderedJson &v) {
        if (v.size() != 1) return false;
        const std::string &key = v.begin().key();
        const OrderedJson &arg = v.begin().value();
        if (key == "Ref" || key == "Condition") {
            if (!arg.is_string()) return false;
            m_out << YAML::LocalTag(key);
            string(arg.get<std::string>());
            return true;
        }
        if (key.rfind("Fn::", 0) != 0 || key.size() <= 4) return false;
        const std::string name = key.substr(4);
        if (name == "GetAtt" && arg.is_array() && arg.size() == 2 && arg[0].is_string() &&
            arg[1].is_string()) {
            m_out << YAML::LocalTag(name) << (arg[0].get<std::string>() + '.' + arg[1].get<std::string>());
            return true;
        }
        m_out << YAML::LocalTag(name);
        if (arg.is_array()) {
            // Short argument lists read best inline: !Join ['', [a, b]].
            const bool flat = std::all_of(arg.begin(), arg.end(), [](const OrderedJson &a) {
                return a.is_primitive() || (a.is_array() && a.size() <= 4);
            });
            array(arg, flat && arg.size() <= 3);
        } else {
            value(arg);
        }
        return true;
    }

    YAML::Emitter &m_out;
    const YamlWriteOptions &m_options;
};

} // namespace

QByteArray toYaml(const OrderedJson &document, const YamlWriteOptions &options) {
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetBoolFormat(YAML::TrueFalseBool);
    out.SetNullFormat(YAML::LowerNull);
    Writer(out, options).value(document);
    QByteArray text(out.c_str(), qsizetype(out.size()));
    if (!text.endsWith('\n')) text.append('\n');
    if (!options.spaceTopLevel) return text;
    QByteArray spaced;
    spaced.reserve(text.size() + 64);
    bool first = true;
    for (const QByteArray &line : text.split('\n')) {
        // A top-level key starts in column 0 and is not a sequence item or a document marker.
        const bool topLevelKey = !line.isEmpty() && line.at(0) != ' ' && line.at(0) != '-' &&
                                 line.at(0) != '#' && !line.startsWith("...");
        if (topLevelKey && !first) spaced.append('\n');
        if (topLevelKey) first = false;
        spaced.append(line).append('\n');
    }
    spaced.chop(1); // split() yields an empty last element after the final newline
    return spaced;
}

} // namespace gatehouse
