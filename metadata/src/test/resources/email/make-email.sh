#!/bin/sh
# Regenerates threat.eml (a realistic message that crossed four servers, with an RFC 2047 subject and
# sender, a base64 PNG and a quoted-printable text attachment), export.mbox (two messages) and malformed.eml.
# Needs ImageMagick's convert (Debian imagemagick) and coreutils' base64. Dates are fixed.
set -eu
/usr/bin/convert -size 64x48 gradient:navy-orange -strip photo.png
{
cat <<'HDR'
Return-Path: <anon.sender@gmail.example>
Delivered-To: victim@lawfirm.example
Received: from mx1.lawfirm.example (mx1.lawfirm.example [10.20.0.5])
	by mailstore.lawfirm.example (Postfix) with LMTP id 9F2A31C04B2
	for <victim@lawfirm.example>; Sat, 14 Jun 2025 19:37:07 +0000 (UTC)
Received: from mail-sor-f41.google.com (mail-sor-f41.google.com [209.85.220.41])
	by mx1.lawfirm.example (Postfix) with ESMTPS id 4bKx2Q0mzz
	for <victim@lawfirm.example>; Sat, 14 Jun 2025 19:37:06 +0000 (UTC)
Received: by 2002:a05:6a10:8e0c:b0:5e1:2f3a:1c7d with SMTP id n12csp1234567pxb;
        Sat, 14 Jun 2025 12:37:05 -0700 (PDT)
Received: from [192.168.1.23] (cpe-203-0-113-7.res.example.net. [203.0.113.7])
        by smtp.gmail.com with ESMTPSA id a1sm9876543pgb.12.2025.06.14.12.37.04
        for <victim@lawfirm.example>
        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);
        Sat, 14 Jun 2025 12:37:04 -0700 (PDT)
From: =?UTF-8?Q?J=C3=B6rg_X?= <anon.sender@gmail.example>
To: Victim <victim@lawfirm.example>
Cc: "Someone, Else" <else@example.com>
Subject: =?UTF-8?B?TMO2c2NoIGVzIG9kZXIgaWNoIHBvc3RlIG1laHI=?=
Date: Sat, 14 Jun 2025 12:37:03 -0700
Message-ID: <CAF1x9qZ-threat-0001@mail.gmail.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1_outer"

--b1_outer
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

L=C3=B6sch es, oder ich poste mehr.

--b1_outer
Content-Type: image/png; name="photo.png"
Content-Disposition: attachment; filename="photo.png"
Content-Transfer-Encoding: base64

HDR
base64 -w 76 photo.png
cat <<'TAIL'

--b1_outer
Content-Type: text/plain; charset=UTF-8; name="=?UTF-8?Q?liste_f=C3=BCr_dich.txt?="
Content-Disposition: attachment; filename="=?UTF-8?Q?liste_f=C3=BCr_dich.txt?="
Content-Transfer-Encoding: quoted-printable

1. Instagram =E2=80=93 @jd_private
2. a very long line that is soft-wrapped by quoted-printable encoding so tha=
t it continues here

--b1_outer--
TAIL
} | sed 's/$/\r/' > threat.eml
rm photo.png
# mbox: the message above and a short plain one, each after a "From " separator line
{
printf 'From anon.sender@gmail.example Sat Jun 14 19:37:07 2025\n'
tr -d '\r' < threat.eml
printf '\nFrom other@example.com Sun Jun 15 08:00:00 2025\n'
cat <<'M2'
Received: from localhost (localhost [127.0.0.1])
	by mail.example.com with ESMTP id 77; Sun, 15 Jun 2025 08:00:00 +0000
From: other@example.com
To: victim@lawfirm.example
Subject: second
Date: Sun, 15 Jun 2025 08:00:00 +0000
Message-ID: <second@example.com>

>From the start, a plain body.
M2
} > export.mbox
# malformed: a Received header with no structure, an address list that is not one, a date that is not one,
# a multipart whose boundary never appears; and a message whose attachment's base64 is broken
cat > malformed.eml <<'BAD'
Received: garbage without any structure
From: <<<not an address
Date: yesterday-ish
Subject: =?UTF-8?B?!!!notbase64?=
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="never-used"

This body never uses its boundary.
BAD
cat > broken-base64.eml <<'BAD'
From: a@example.com
Subject: broken attachment
Date: Sun, 15 Jun 2025 08:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="x"

--x
Content-Type: text/plain

hello
--x
Content-Type: image/png
Content-Disposition: attachment; filename="../../etc/evil.png"
Content-Transfer-Encoding: base64

iVBORw0KGgo%%%%%%%%this is not base64 at all%%%%%%%%
--x--
BAD
