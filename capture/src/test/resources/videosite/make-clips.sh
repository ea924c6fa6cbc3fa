#!/usr/bin/env bash
# Makes the media of the video test site (org.exhibit.capture.videosite.VideoSite) into OUTDIR with Debian's
# ffmpeg. Synthetic only: ffmpeg's test patterns and sine tones, never a person.
#
#   make-clips.sh OUTDIR
#
# OUTDIR/
#   source.mp4                 6 s, testsrc2 640x360 25 fps + 440 Hz sine, H.264 High + AAC (moov at the end)
#   clip.mp4                   source.mp4 remuxed with faststart (moov first): the progressive download
#   clip.webm                  VP9 + Opus from source.mp4: the download link
#   other.mp4                  6 s, mandelbrot 640x360 + 880 Hz sine: a different video, for negative tests
#   hls-ts/                    HLS, MPEG-TS segments: master.m3u8, {360p,180p}/index.m3u8 + seg00N.ts
#   hls-fmp4-aes/              HLS, fMP4 segments encrypted AES-128: master.m3u8, {360p,180p}/index.m3u8 +
#                              init.mp4 + seg00N.m4s, key.bin (the key the playlists name as ../key.bin)
#   dash/                      DASH: manifest.mpd (SegmentTemplate, one video and one audio adaptation set),
#                              init-stream$ID$.m4s + chunk-stream$ID$-0000N.m4s
#   <stream>/360p.mp4, 180p.mp4  each rendition's own encode as one MP4: the segments are cut from it without
#                              re-encoding, so its decoded frames are the rendition's (ffmpeg -f framemd5)
#
# Each stream has its own encode (bit rates differ), so frames of one never match another's. Every rendition
# has a 2 s GOP (50 frames, no scene-cut keyframes), so every stream cuts into three 2 s segments. x264 runs
# on one thread and the muxers in bitexact mode, so the same ffmpeg build makes the same bytes. The four groups
# after the source run side by side (about 5 s on two cores).
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: make-clips.sh OUTDIR" >&2
  exit 2
fi
for tool in ffmpeg ffprobe openssl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "make-clips.sh: $tool not found on PATH: the video test site needs ffmpeg, ffprobe and openssl" \
         "(Debian packages ffmpeg and openssl; bin/setup installs them)" >&2
    exit 3
  fi
done
out=$1
mkdir -p "$out"
cd "$out"

ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
# bit-exact muxing (no encoder version strings) and no metadata carried over
exact=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact)
x264() { # x264 settings shared by every H.264 encode: 25 fps, a keyframe every 2 s and nowhere else
  printf '%s\n' -c:v libx264 -threads 1 -preset veryfast -pix_fmt yuv420p -r 25 -g 50 -keyint_min 50 -sc_threshold 0
}
mapfile -t X264 < <(x264)

# rendition DIR NAME WIDTH HEIGHT PROFILE LEVEL VIDEO_KBPS AUDIO_KBPS: one rendition's own encode, DIR/NAME.mp4
rendition() {
  local dir=$1 name=$2 w=$3 h=$4 profile=$5 level=$6 vk=$7 ak=$8
  mkdir -p "$dir"
  ff -i source.mp4 -vf "scale=$w:$h" "${X264[@]}" -profile:v "$profile" -level "$level" \
    -b:v "${vk}k" -maxrate "${vk}k" -bufsize "$((2 * vk))k" -c:a aac -b:a "${ak}k" -ac 2 -frames:a 281 "${exact[@]}" "$dir/$name.mp4"
}
# hls DIR NAME [fmp4 options...]: cuts DIR/NAME.mp4 into DIR/NAME/index.m3u8 and 2 s segments, no re-encoding
hls() {
  local dir=$1 name=$2
  shift 2
  mkdir -p "$dir/$name"
  ff -i "$dir/$name.mp4" -map 0 -c copy -f hls -hls_time 2 -hls_playlist_type vod -hls_list_size 0 "$@" "${exact[@]}" \
    "$dir/$name/index.m3u8"
}

# master DIR VERSION: DIR/master.m3u8 naming 360p then 180p, each with its peak segment bit rate (BANDWIDTH) and
# its average (AVERAGE-BANDWIDTH), both measured on the media segments as cut, in bits per second, rounded up
master() {
  local dir=$1 version=$2 r line d size peak total bytes res codecs
  {
    printf '#EXTM3U\n#EXT-X-VERSION:%s\n#EXT-X-INDEPENDENT-SEGMENTS\n' "$version"
    for r in 360p 180p; do
      if [ $r = 360p ]; then res=640x360 codecs=avc1.64001e,mp4a.40.2; else res=320x180 codecs=avc1.4d4015,mp4a.40.2; fi
      peak=0 total=0 bytes=0
      while IFS= read -r line; do
        case $line in
          '#EXTINF:'*) d=${line#'#EXTINF:'}; d=${d%%,*} ;;
          '#'* | '') ;;
          *) size=$(stat -c %s "$dir/$r/$line")
             read -r peak total bytes < <(awk -v p="$peak" -v t="$total" -v b="$bytes" -v s="$size" -v d="$d" \
               'BEGIN { r = s * 8 / d; if (r > p) p = r; printf "%f %f %d\n", p, t + d, b + s }') ;;
        esac
      done < "$dir/$r/index.m3u8"
      awk -v p="$peak" -v t="$total" -v b="$bytes" -v res=$res -v codecs=$codecs 'BEGIN {
        printf "#EXT-X-STREAM-INF:BANDWIDTH=%d,AVERAGE-BANDWIDTH=%d,RESOLUTION=%s,CODECS=\"%s\",FRAME-RATE=25.000\n",
               int(p) + 1, int(b * 8 / t) + 1, res, codecs }'
      echo "$r/index.m3u8"
    done
  } > "$dir/master.m3u8"
}

# The source: 6 s of testsrc2 with a 440 Hz tone. Everything else is made from it, but the negative.
ff -f lavfi -i "testsrc2=size=640x360:rate=25:duration=6" -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=6" \
  "${X264[@]}" -profile:v high -level 3.0 -crf 18 -c:a aac -b:a 128k -ac 2 -shortest "${exact[@]}" source.mp4

singles() {
  # The progressive download: the source with its moov moved to the front.
  ff -i source.mp4 -c copy -movflags +faststart "${exact[@]}" clip.mp4
  # The download link: VP9 + Opus in WebM.
  ff -i source.mp4 -c:v libvpx-vp9 -threads 1 -deadline realtime -cpu-used 8 -b:v 600k -g 50 -c:a libopus -b:a 96k \
    "${exact[@]}" clip.webm
  # The negative: another pattern, another tone.
  ff -f lavfi -i "mandelbrot=size=640x360:rate=25:maxiter=256" -f lavfi -i "sine=frequency=880:sample_rate=48000" \
    -t 6 "${X264[@]}" -profile:v high -level 3.0 -crf 23 -c:a aac -b:a 96k -ac 2 "${exact[@]}" other.mp4
}

# HLS with MPEG-TS segments.
hls_ts() {
  rendition hls-ts 360p 640 360 high 3.0 800 128
  rendition hls-ts 180p 320 180 main 2.1 200 64
  hls hls-ts 360p -hls_segment_filename "hls-ts/360p/seg%03d.ts"
  hls hls-ts 180p -hls_segment_filename "hls-ts/180p/seg%03d.ts"
  master hls-ts 3
}

# HLS with fMP4 segments, encrypted AES-128 (whole segments, CBC, PKCS#7 padding). ffmpeg 5.1's HLS muxer
# cannot encrypt fMP4 ("Encrypted fmp4 not yet supported"), so openssl encrypts each media segment after the
# cut, with the IV the playlist implies (no IV attribute): the segment's media sequence number, 128-bit big
# endian. The init section (EXT-X-MAP, before the EXT-X-KEY) stays clear. The key is the 16 ASCII bytes
# "Exhibit test key", at hls-fmp4-aes/key.bin, named ../key.bin by both media playlists.
hls_fmp4_aes() {
  local r seq seg key
  rendition hls-fmp4-aes 360p 640 360 high 3.0 700 128
  rendition hls-fmp4-aes 180p 320 180 main 2.1 180 64
  printf 'Exhibit test key' > hls-fmp4-aes/key.bin
  key=$(od -An -tx1 hls-fmp4-aes/key.bin | tr -d ' \n')
  for r in 360p 180p; do
    hls hls-fmp4-aes $r -hls_segment_type fmp4 -hls_fmp4_init_filename init.mp4 \
      -hls_segment_filename "hls-fmp4-aes/$r/seg%03d.m4s"
    seq=0
    for seg in hls-fmp4-aes/$r/seg*.m4s; do
      openssl enc -aes-128-cbc -K "$key" -iv "$(printf '%032x' "$seq")" -in "$seg" -out "$seg.enc"
      mv "$seg.enc" "$seg"
      seq=$((seq + 1))
    done
    sed -i '/^#EXT-X-MAP:/a #EXT-X-KEY:METHOD=AES-128,URI="../key.bin"' "hls-fmp4-aes/$r/index.m3u8"
  done
  master hls-fmp4-aes 7
}

# DASH: both video renditions in one adaptation set, the 360p rendition's audio in another; SegmentTemplate
# with $Number$ (no SegmentTimeline), 2 s segments numbered from 1.
dash() {
  rendition dash 360p 640 360 high 3.0 900 128
  rendition dash 180p 320 180 main 2.1 250 64
  ff -i dash/360p.mp4 -i dash/180p.mp4 -map 0:v -map 1:v -map 0:a -c copy -f dash -seg_duration 2 -use_template 1 \
    -use_timeline 0 -adaptation_sets "id=0,streams=v id=1,streams=a" "${exact[@]}" dash/manifest.mpd
}

pids=()
for group in singles hls_ts hls_fmp4_aes dash; do
  "$group" &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
if [ $failed -ne 0 ]; then
  echo "make-clips.sh: making the clips failed (ffmpeg's errors above)" >&2
  exit 1
fi
