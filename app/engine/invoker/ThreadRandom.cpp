#include "ThreadRandom.h"

#include <array>

namespace gatehouse {

QRandomGenerator64 &threadRandom() {
    thread_local QRandomGenerator64 random = [] {
        std::array<quint32, 8> seed;
        QRandomGenerator::system()->fillRange(seed.data(), qsizetype(seed.size()));
        return QRandomGenerator64(seed.data(), qsizetype(seed.size()));
    }();
    return random;
}

QByteArray randomBytes(int count, QRandomGenerator &random) {
    QByteArray bytes((count + 3) / 4 * 4, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    bytes.truncate(count);
    return bytes;
}

} // namespace gatehouse
