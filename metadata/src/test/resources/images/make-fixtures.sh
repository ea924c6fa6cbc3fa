#!/bin/sh
# Regenerates the image fixtures from the PDQ reference vector ../pdq/bridge-1-original.jpg with ImageMagick 6
# (Debian's imagemagick package), cwebp (webp) and exiftool (libimage-exiftool-perl). Run from this directory:
#   sh make-fixtures.sh            (or sh make-fixtures.sh OTHER/FOLDER/OF/VECTORS)
set -eu
SRC=${1:-../pdq}/bridge-1-original.jpg
IM=/usr/bin/convert
$IM "$SRC" -strip -resize 400x reference.png
$IM reference.png -colorspace CMYK -quality 92 cmyk.jpg
# the same CMYK file with a JFIF APP0 segment after SOI, as some tools write (JFIF wrongly says YCbCr or grey)
{ head -c 2 cmyk.jpg; printf '\377\340\000\020JFIF\000\001\001\000\000\001\000\001\000\000'; tail -c +3 cmyk.jpg; } > cmyk-jfif.jpg
$IM reference.png -colorspace Gray -quality 92 gray.jpg
$IM reference.png -alpha set -channel A -evaluate set 60% +channel alpha.png
$IM reference.png \( reference.png -negate \) -loop 0 animated.gif
cwebp -quiet -q 85 reference.png -o reference.webp
# stored turned a quarter counter-clockwise, tagged orientation 6 ("rotate 90 CW to view")
$IM reference.png -rotate -90 -quality 92 orientation-6.jpg
exiftool -q -overwrite_original -n -Orientation=6 orientation-6.jpg
# a phone-like photo: camera, dates, GPS, software, XMP and IPTC fields
$IM reference.png -quality 90 camera.jpg
exiftool -q -overwrite_original -n -Make=Google -Model="Pixel 7" -Software="HDR+ 1.0" \
  -DateTimeOriginal="2025:06:14 21:37:05" -OffsetTimeOriginal="+02:00" -Orientation=1 \
  -GPSLatitude=48.858222 -GPSLatitudeRef=N -GPSLongitude=2.2945 -GPSLongitudeRef=E -GPSAltitude=35.5 -GPSAltitudeRef=0 \
  -XMP-dc:Creator="J. Doe" -XMP-dc:Description="beach at sunset" -IPTC:Keywords=sunset -IPTC:By-line="J. Doe" camera.jpg
# a JPEG cut off halfway, and a PNG with garbage over its image data
$IM reference.png -quality 92 whole.jpg
head -c $(( $(stat -c %s whole.jpg) / 2 )) whole.jpg > truncated.jpg
rm whole.jpg
cp reference.png corrupt.png
printf 'this is not deflate data at all, not at all, not at all, not at all' | \
  dd of=corrupt.png bs=1 seek=2000 conv=notrunc status=none
# misleading names: a PNG called .jpg, a JPEG called .txt
cp reference.png png-named.jpg
$IM reference.png -quality 80 jpeg-named.txt.jpg && mv jpeg-named.txt.jpg jpeg-named.txt
