// Colours shared by the views: distinct colours for conditions, fixed colours for stability.
#include "widgets/palette.h"

#include <array>

namespace opdims::widgets {

namespace {

// Tableau 10: qualitative, well separated and strong enough for a projector on white.
constexpr std::array<QRgb, 10> kQualitative = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                               0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};

} // namespace

QColor conditionColor(int index, int count) {
    if (count <= 0 || index < 0)
        return QColor(0x40, 0x40, 0x40);
    if (count <= static_cast<int>(kQualitative.size()))
        return QColor(kQualitative[static_cast<std::size_t>(index % count)]);
    // Many conditions are usually ordered (e.g. frequencies): an ordered hue sweep stays readable
    // and keeps neighbours similar, which is what the eye expects of an ordered parameter.
    const double t = static_cast<double>(index % count) / static_cast<double>(count - 1);
    const int hue = static_cast<int>(270.0 * (1.0 - t)); // purple ... blue ... green ... red
    return QColor::fromHsl(hue, 200, 110);
}

QColor stabilityColor(Stability stability) {
    switch (stability) {
    case Stability::Stable:
        return QColor(0x00, 0x9e, 0x73);
    case Stability::Saddle:
        return QColor(0xe6, 0x8a, 0x00);
    case Stability::Unstable:
        return QColor(0xd6, 0x27, 0x28);
    case Stability::Marginal:
        return QColor(0x7b, 0x32, 0x94);
    }
    return QColor(0x40, 0x40, 0x40);
}

} // namespace opdims::widgets
