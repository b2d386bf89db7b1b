// Package meta holds the application's identity: its name, ID and version.
package meta

const (
	// Name is the application's ASCII name, used for the executable.
	Name = "WorkReport"
	// DisplayName is the Chinese product name shown to users.
	DisplayName = "政府工作报告图解"
	// TitleSuffix follows the report title in the window title.
	TitleSuffix = " · 图解"
	// ID identifies the application to the operating system; preferences are stored under it.
	ID = "cn.jiangmen.workreport"
	// Version is the application version, kept in step with FyneApp.toml.
	Version = "1.0.0"
)
