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

} // namespace gatehouse
