package chart

import (
	"fmt"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"workreport/app/safefile"
	"workreport/app/zhtext"
)

// SlideWidth is the logical width charts are saved at for slides: a 16:9 slide is 960
// points wide, and a chart filling most of it is legible from the back of a room.
const SlideWidth = 960

// FileScales are the scales each chart is saved at: 1x for documents, 2x for slides on
// large or high-density screens.
var FileScales = []float64{1, 2}

// FileName is a Windows-safe file name that says what the chart is, such as
// "01 主要经济指标增速：2015年实绩（%）.png" (the colon in its full-width form), or with
// "@2x" before the extension at scale 2.
func FileName(n int, s *Spec, scale float64) string {
	name := fmt.Sprintf("%02d %s", n, safeName(s.Title))
	if scale != 1 {
		name += fmt.Sprintf("@%gx", scale)
	}
	return name + ".png"
}

func safeName(s string) string { return zhtext.SafeFileName(s) }

// WriteFiles saves every chart as PNG at each of FileScales into dir, creating dir if it
// is missing. Each file is written atomically. It returns the paths written; a chart
// that fails to render is reported in the error and the others are still saved.
func WriteFiles(dir string, specs []*Spec) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建文件夹“%s”：%w", dir, err)
	}
	var paths []string
	var failed []string
	for i, s := range specs {
		for _, scale := range FileScales {
			w := int(math.Round(SlideWidth * scale))
			h := int(math.Round(NaturalHeight(s, SlideWidth) * scale))
			img, err := Render(s, w, h, scale)
			if err != nil {
				failed = append(failed, fmt.Sprintf("%s：%v", s.Title, err))
				break
			}
			path := filepath.Join(dir, FileName(i+1, s, scale))
			enc := png.Encoder{CompressionLevel: png.BestSpeed}
			if err := safefile.Write(path, func(w io.Writer) error { return enc.Encode(w, img) }); err != nil {
				return paths, err
			}
			paths = append(paths, path)
		}
	}
	if len(failed) > 0 {
		return paths, fmt.Errorf("%d 张图表未能保存：%s", len(failed), strings.Join(failed, "；"))
	}
	return paths, nil
}
