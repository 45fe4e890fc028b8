// eutl help [COMMAND [SUBCOMMAND]]: the help of eutl or of one command, as --help
// prints it; an unknown name is a usage error with a suggestion.
#include <iostream>
#include <memory>

#include "cli/command_names.h"
#include "cli/commands.h"

namespace eutl::cli {

namespace {

// The help of the command at `path` (empty: of eutl), as `--help` prints it; empty
// when there is no such command.
std::string help_text(const CLI::App& app, const std::vector<std::string>& path) {
  const CLI::App* at = &app;
  std::string prefix = app.get_name();
  for (const std::string& name : path) {
    const CLI::App* next = find_subcommand(*at, name);
    if (next == nullptr) {
      return {};
    }
    prefix += " " + name;
    at = next;
  }
  return at->get_formatter()->make_help(at, prefix, CLI::AppFormatMode::Normal);
}

}  // namespace

void register_help(CLI::App& app, Runner& run) {
  auto path = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("help", "Show the help of eutl or of one command (same as COMMAND --help)");
  cmd->add_option("command", *path, "A command, and for store and evidence a subcommand (eutl help store prune)");
  cmd->footer("Examples:\n  eutl help\n  eutl help check\n  eutl help evidence verify");
  cmd->callback([&app, &run, path] {
    run = [&app, path] {
      std::string text = help_text(app, *path);
      if (text.empty()) {
        print_error(unknown_command_message(app, *path));
        return kExitUsage;
      }
      std::cout << text;
      return kExitYes;
    };
  });
}

}  // namespace eutl::cli
