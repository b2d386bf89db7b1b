// Package zhtext holds the rules for setting and quoting the Chinese text of a report:
// where a line may break, which characters form a word that never breaks, where a number
// stands on its own, how an excerpt is cut, how a section title is shortened, and which
// characters a Windows file name may not hold. Charts, cards, dialogs, search and the
// report model all use these rules, so that they agree.
package zhtext
