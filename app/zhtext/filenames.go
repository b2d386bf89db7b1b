package zhtext

import (
	"errors"
	"strings"
)

// ForbiddenInFileNames are the characters Windows does not allow in a file name.
const ForbiddenInFileNames = `/\:*?"<>|`

// fullWidth replaces each forbidden character by its full-width form, which Windows
// allows and which reads the same, and line breaks and tabs by spaces.
var fullWidth = strings.NewReplacer(
	"/", "／", `\`, "＼", ":", "：", "*", "＊", "?", "？", `"`, "＂", "<", "＜", ">", "＞", "|", "｜",
	"\t", " ", "\n", " ", "\r", " ",
)

// maxFileNameRunes keeps generated names well inside Windows' 260-character path limit.
const maxFileNameRunes = 80

// SafeFileName makes s usable as a Windows file name (without extension): forbidden
// characters become their full-width forms, control characters are removed, trailing dots
// and spaces (which Windows drops) are trimmed, and the name is cut to 80 characters.
// An empty result becomes "未命名".
func SafeFileName(s string) string {
	s = fullWidth.Replace(s)
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if r := []rune(s); len(r) > maxFileNameRunes {
		s = string(r[:maxFileNameRunes])
	}
	s = strings.TrimRight(strings.TrimSpace(s), ". ")
	if s == "" || reserved(s) {
		s = "未命名" + s
	}
	return s
}

// reservedNames are device names Windows refuses as file names, with any extension.
var reservedNames = []string{"CON", "PRN", "AUX", "NUL",
	"COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
	"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"}

func reserved(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	for _, r := range reservedNames {
		if strings.EqualFold(strings.TrimSpace(base), r) {
			return true
		}
	}
	return false
}

// CheckFileName says, in Chinese, why Windows cannot store a file of this name, or
// returns nil.
func CheckFileName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return errors.New("请输入文件名")
	case strings.ContainsAny(name, ForbiddenInFileNames):
		return errors.New(`文件名不能包含以下字符：/ \ : * ? " < > |`)
	case strings.IndexFunc(name, func(r rune) bool { return r < 0x20 }) >= 0:
		return errors.New("文件名不能包含控制字符")
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		return errors.New("文件名不能以句点或空格结尾")
	case reserved(name):
		return errors.New("“" + name + "”是 Windows 保留的设备名，请换一个文件名")
	}
	return nil
}
