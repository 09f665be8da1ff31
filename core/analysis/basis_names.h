// The one vocabulary of bases, shared by the CLI, the explorer and the files they write:
//   pc                         PC dimensions of W
//   op-columns, op-rows        global operative dimensions over all sampling locations
//   op-columns:SUBSET, ...     the same over a function-specific subset of sampling locations
//                              (ctxt: ctxt1, ctxt2, pos-choice, neg-choice; swg: freqN, the
//                              locations of frequency id N)
//   file:PATH                  a basis read from a file
#pragma once

#include "core/analysis/reduce.h"
#include "core/tasks/task.h"

#include <compare>
#include <string>
#include <vector>

namespace opdims {

enum class BasisKind { Pc, Operative, File };

// Which sampling locations global operative dimensions are computed over.
enum class LocationSubset { All, Ctxt1, Ctxt2, PosChoice, NegChoice, Frequency };

struct BasisName {
    BasisKind kind = BasisKind::Pc;
    Side side = Side::Columns;                   // Operative (and File: the --type of its columns)
    LocationSubset subset = LocationSubset::All; // Operative only
    std::string path;                            // File only
    int frequency = 0;                           // subset Frequency: the swg frequency id
    auto operator<=>(const BasisName&) const = default;
};

// Parses a name of the vocabulary above; throws Error listing the vocabulary otherwise.
BasisName parseBasisName(const std::string& text);
// The inverse: parseBasisName(formatBasisName(n)) == n (the side of a file is not part of it).
std::string formatBasisName(const BasisName& name);
// "pc, op-columns, op-rows, op-columns:SUBSET, op-rows:SUBSET or file:PATH" (for messages).
std::string basisVocabulary(bool withFile = true);

// "all", "ctxt1", "ctxt2", "pos-choice", "neg-choice", "freqN" (N a frequency id, 1..51; stored
// in *frequency when given).
LocationSubset parseLocationSubset(const std::string& text, int* frequency = nullptr);
// The inverse; `frequency` names the id of a Frequency subset.
std::string locationSubsetName(LocationSubset subset, int frequency = 0);
// The function-specific subsets of a task (without All): ctxt the four above, swg none.
std::vector<LocationSubset> functionSubsets(TaskKind task);
// The frequency ids whose function-specific dimensions the explorer offers (swg: the slowest, the
// middle and the fastest frequency, 1, 26 and 51; other tasks none).
std::vector<int> functionFrequencies(TaskKind task);
// op-SIDE followed by op-SIDE:SUBSET for each function-specific subset of the task.
std::vector<BasisName> operativeBasisNames(TaskKind task, Side side);

} // namespace opdims
