#include "cli/command_names.h"

#include "cli/command_suggest.h"

namespace eutl::cli {

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

const CLI::App* find_subcommand(const CLI::App& parent, const std::string& name) {
  for (const CLI::App* sub : parent.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == name) {
      return sub;
    }
  }
  return nullptr;
}

std::string unknown_command_message(const CLI::App& app, const std::vector<std::string>& path) {
  const CLI::App* parent = &app;
  std::string known_prefix;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    const CLI::App* next = find_subcommand(*parent, path[i]);
    if (next == nullptr) {
      return unknown_command_message(app, std::vector<std::string>(path.begin(), path.begin() + i + 1));
    }
    known_prefix += path[i] + " ";
    parent = next;
  }
  const std::string typed = path.empty() ? std::string() : path.back();
  std::string message = "unknown command '" + known_prefix + typed + "'";
  if (auto near = suggest_command(typed, command_names(*parent))) {
    message += "; did you mean '" + known_prefix + *near + "'?";
  }
  return message + " ('eutl help" + (known_prefix.empty() ? "" : " " + known_prefix.substr(0, known_prefix.size() - 1)) +
         "' lists the commands)";
}

std::optional<std::string> unknown_first_command(const CLI::App& app, int argc, const char* const* argv) {
  if (argc < 2 || argv[1][0] == '-') {
    return std::nullopt;
  }
  const std::string first = argv[1];
  if (find_subcommand(app, first) != nullptr) {
    return std::nullopt;
  }
  return first;
}

}  // namespace eutl::cli
