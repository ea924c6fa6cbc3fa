#!/bin/sh
# Regenerates the sample site's images (needs only a JDK 11+). The hosted photo carries EXIF GPS
# coordinates on purpose: the demo shows that Exhibit keeps and reports them.
set -e
cd "$(dirname "$0")"
java MakeSampleImages.java site/img
java ../capture/src/test/fixtures/MakeGpsJpeg.java site/img/hosted-photo.jpg 480 320 "SAMPLE PHOTO"
