// Parsing and formatting of basis names (basis_names.h).
#include "core/analysis/basis_names.h"

#include "core/base/error.h"

namespace opdims {

namespace {

constexpr const char* kSubsetNames[] = {"all", "ctxt1", "ctxt2", "pos-choice", "neg-choice"};

} // namespace

LocationSubset parseLocationSubset(const std::string& text, int* frequency) {
    for (int i = 0; i < 5; ++i)
        if (text == kSubsetNames[i])
            return static_cast<LocationSubset>(i);
    if (text.size() > 4 && text.size() <= 6 && text.rfind("freq", 0) == 0 &&
        text.find_first_not_of("0123456789", 4) == std::string::npos && text[4] != '0') {
        const int id = std::stoi(text.substr(4));
        if (id >= 1 && id <= swg::kFrequencies) {
            if (frequency)
                *frequency = id;
            return LocationSubset::Frequency;
        }
    }
    throw Error("unknown location subset '" + text +
                "' (expected all, ctxt1, ctxt2, pos-choice, neg-choice or freqN with N from 1 to " +
                std::to_string(swg::kFrequencies) + ")");
}

std::string locationSubsetName(LocationSubset subset, int frequency) {
    if (subset == LocationSubset::Frequency)
        return "freq" + std::to_string(frequency);
    return kSubsetNames[static_cast<int>(subset)];
}

std::vector<LocationSubset> functionSubsets(TaskKind task) {
    if (task == TaskKind::Ctxt)
        return {LocationSubset::Ctxt1, LocationSubset::Ctxt2, LocationSubset::PosChoice,
                LocationSubset::NegChoice};
    return {};
}

std::vector<int> functionFrequencies(TaskKind task) {
    if (task == TaskKind::Swg)
        return {1, 26, swg::kFrequencies};
    return {};
}

std::vector<BasisName> operativeBasisNames(TaskKind task, Side side) {
    std::vector<BasisName> out{{BasisKind::Operative, side, LocationSubset::All, {}}};
    for (LocationSubset s : functionSubsets(task))
        out.push_back({BasisKind::Operative, side, s, {}});
    for (int id : functionFrequencies(task))
        out.push_back({BasisKind::Operative, side, LocationSubset::Frequency, {}, id});
    return out;
}

std::string basisVocabulary(bool withFile) {
    return std::string("pc, op-columns, op-rows, op-columns:SUBSET, op-rows:SUBSET") +
           (withFile ? " or file:PATH" : "");
}

BasisName parseBasisName(const std::string& text) {
    BasisName n;
    if (text == "pc")
        return n;
    if (text.rfind("file:", 0) == 0 && text.size() > 5) {
        n.kind = BasisKind::File;
        n.path = text.substr(5);
        return n;
    }
    const auto colon = text.find(':');
    const std::string base = text.substr(0, colon);
    if (base == "op-columns" || base == "op-rows") {
        n.kind = BasisKind::Operative;
        n.side = base == "op-columns" ? Side::Columns : Side::Rows;
        if (colon != std::string::npos) {
            n.subset = parseLocationSubset(text.substr(colon + 1), &n.frequency);
            if (n.subset == LocationSubset::All)
                throw Error("basis '" + text + "': write " + base + " for all sampling locations");
        }
        return n;
    }
    throw Error("unknown basis '" + text + "' (expected " + basisVocabulary() + ")");
}

std::string formatBasisName(const BasisName& name) {
    switch (name.kind) {
    case BasisKind::Pc:
        return "pc";
    case BasisKind::File:
        return "file:" + name.path;
    case BasisKind::Operative:
        break;
    }
    std::string s = std::string("op-") + sideName(name.side);
    if (name.subset != LocationSubset::All)
        s += ":" + locationSubsetName(name.subset, name.frequency);
    return s;
}

} // namespace opdims
