// The names of eutl's commands, and what to say when a name is not one of them.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace eutl::cli {

// The subcommands of `app` a user may type, in the order they were registered.
std::vector<std::string> command_names(const CLI::App& app);

// The direct subcommand of `parent` called `name`; nullptr when there is none.
const CLI::App* find_subcommand(const CLI::App& parent, const std::string& name);

// "unknown command 'chek'; did you mean 'check'? ('eutl help' lists the commands)";
// `path` is what was typed (command, then subcommand), the last part unknown.
std::string unknown_command_message(const CLI::App& app, const std::vector<std::string>& path);

// The first argument when it is meant as a command (does not start with '-') and no
// command has that name; unset otherwise. Checked before parsing, so that
// `eutl nosuch --help` is an error rather than the main help.
std::optional<std::string> unknown_first_command(const CLI::App& app, int argc, const char* const* argv);

}  // namespace eutl::cli
