package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workreport/app/meta"
	"workreport/resources"
)

func (u *UI) menu() *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	item := func(label string, fn func(), key fyne.KeyName, mod fyne.KeyModifier) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { u.action(fn) })
		if key != "" {
			it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mod}
		}
		return it
	}
	quit := fyne.NewMenuItem("退出", func() {
		u.saveSize()
		if u.rev.leaveEdits(u.quitApp) {
			u.quitApp()
		}
	})
	quit.IsQuit = true
	quit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: ctrl}
	light := fyne.NewMenuItem("浅色（适合投影）", func() { u.setDark(false) })
	dark := fyne.NewMenuItem("深色", func() { u.setDark(true) })
	light.Checked, dark.Checked = !u.sess.Dark(), u.sess.Dark()
	themes := fyne.NewMenuItem("主题", nil)
	themes.ChildMenu = fyne.NewMenu("", light, dark)
	u.themeItems = [2]*fyne.MenuItem{light, dark}
	return fyne.NewMainMenu(
		fyne.NewMenu("文件",
			item("报告库…", u.lib.show, fyne.KeyL, ctrl),
			item("导入报告…", u.lib.importFile, fyne.KeyI, ctrl),
			item("从剪贴板导入", u.lib.importClipboard, "", 0),
			item("打开报告数据文件…", u.openReport, fyne.KeyO, ctrl),
			item("保存到报告库", u.lib.save, fyne.KeyS, ctrl),
			fyne.NewMenuItemSeparator(),
			item("导出Excel…", u.exportExcel, fyne.KeyE, ctrl),
			item("导出会议材料（PDF）…", u.exportHandout, "", 0),
			item("导出图表…", u.exportCharts, "", 0),
			item("导出幻灯片…", u.exportSlides, "", 0),
			fyne.NewMenuItemSeparator(),
			quit,
		),
		fyne.NewMenu("编辑",
			item("撤销", u.rev.undo, fyne.KeyZ, ctrl),
			item("审核数据…", u.rev.show, fyne.KeyR, ctrl),
		),
		fyne.NewMenu("视图",
			item("搜索…", u.search.open, fyne.KeyF, ctrl),
			item("演示（F11 或 F5）", func() { u.present(true) }, "", 0),
			fyne.NewMenuItemSeparator(),
			item("放大", func() { u.zoom(1) }, fyne.KeyEqual, ctrl),
			item("缩小", func() { u.zoom(-1) }, fyne.KeyMinus, ctrl),
			item("实际大小", func() { u.zoom(0) }, fyne.Key0, ctrl),
			fyne.NewMenuItemSeparator(),
			item("判定容差…", u.cmp.editTolerance, "", 0),
			themes,
		),
		fyne.NewMenu("帮助", item("快捷键", u.showKeys, fyne.KeyF1, 0), fyne.NewMenuItem("关于", u.showAbout)),
	)
}

// setDark switches between the light and dark themes, remembered between runs.
func (u *UI) setDark(dark bool) {
	u.sess.SetDark(dark)
	u.themeItems[0].Checked, u.themeItems[1].Checked = !dark, dark
	u.applyTheme()
	u.rebuild()
}

// libraries are the open-source components WorkReport is built with.
var libraries = []string{
	"Fyne v2.7（BSD-3-Clause）：图形界面",
	"go-chart v2.1.2（MIT）：图表绘制",
	"excelize v2.11（BSD-3-Clause）：Excel 工作簿",
	"go-yaml v3（MIT / Apache-2.0）：报告数据文件",
	"GLFW 及其 Go 绑定（zlib / BSD-3-Clause）：窗口和屏幕",
	"sqweek/dialog（ISC）与 w32（BSD-3-Clause）：Windows 的文件对话框",
	"Go 标准库（BSD-3-Clause）",
}

// fontNotice says in Chinese what the font is, under which licence, and what was
// changed; the licence's own text follows it, as the licence asks.
const fontNotice = "文泉驿微米黑（WenQuanYi Micro Hei）：界面和图表所用的字体，版权属于文泉驿项目组及各位作者，" +
	"以 Apache 许可证 2.0 版授权使用。本程序嵌入的是它的子集：汉字只保留 GB 2312 和《通用规范汉字表》中的字，" +
	"其他字符只去掉韩文音节，字形轮廓没有改动。按许可证的要求，下面附上字体的说明、改动方法和许可证原文（英文）。"

func (u *UI) showAbout() {
	name := widget.NewLabel(fmt.Sprintf("%s %s（%s）", meta.DisplayName, meta.Version, meta.Name))
	name.Importance = widget.HighImportance
	name.Wrapping = fyne.TextWrapWord
	parts := []fyne.CanvasObject{name}
	for _, l := range u.sess.About() {
		parts = append(parts, wrapped(l))
	}
	parts = append(parts, widget.NewSeparator(), newTextBlock(theme.SizeNameText, textRun{text: "开源许可", colour: colourHeading}))
	for _, l := range libraries {
		parts = append(parts, wrapped("• "+l))
	}
	parts = append(parts, wrapped("• "+fontNotice))
	// The licence as written, a line of text each: a text block does not break at a
	// line feed.
	for _, line := range strings.Split(strings.ReplaceAll(resources.FontLicense, "\r\n", "\n"), "\n") {
		parts = append(parts, mutedText(strings.TrimRight(line, " "), theme.SizeNameCaptionText))
	}
	u.modal(resultDialog, "关于", scrolled(container.NewVBox(parts...), 420), 700, modalButton{label: "关闭", primary: true})
}
