// The video test site's DASH player, a small MediaSource player for <video data-dash="MANIFEST">: it reads the
// MPD, picks the video Representation with the highest bandwidth (or the lowest with ?rendition=lowest in the
// page's URL) and the audio Representation, and appends each one's initialization segment and then its media
// segments, in order, to a SourceBuffer of its own. Static MPDs with a SegmentTemplate ($Number$ with
// @duration, or a SegmentTimeline) only: what make-clips.sh makes, not DASH at large.
// The page's <body> tells how it went: data-player="playing" or "error: ...", data-level="640x360".
(function () {
  function status(text) {
    document.body.dataset.player = text;
  }

  function seconds(iso) { // PT1H2M3.5S
    var m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || '');
    if (!m) {
      throw new Error('cannot read the duration ' + iso);
    }
    return (+(m[1] || 0)) * 3600 + (+(m[2] || 0)) * 60 + (+(m[3] || 0));
  }

  function child(el, name) {
    for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName === name) {
        return c;
      }
    }
    return null;
  }

  function fill(template, vars) {
    return template.replace(/\$(RepresentationID|Number|Bandwidth|Time|)(?:%0(\d+)d)?\$/g, function (all, name, width) {
      if (name === '') {
        return '$';
      }
      var value = String(vars[name]);
      while (width && value.length < +width) {
        value = '0' + value;
      }
      return value;
    });
  }

  // The init URL and media URLs of one Representation, resolved against the MPD's URL.
  function segments(rep, set, base, total) {
    var t = child(rep, 'SegmentTemplate') || child(set, 'SegmentTemplate');
    if (!t) {
      throw new Error('no SegmentTemplate for Representation ' + rep.getAttribute('id'));
    }
    var vars = { RepresentationID: rep.getAttribute('id'), Bandwidth: rep.getAttribute('bandwidth') };
    var timescale = +(t.getAttribute('timescale') || 1);
    var number = +(t.getAttribute('startNumber') || 1);
    var media = [];
    var timeline = child(t, 'SegmentTimeline');
    if (timeline) {
      var time = 0;
      for (var s = timeline.firstElementChild; s; s = s.nextElementSibling) {
        time = s.hasAttribute('t') ? +s.getAttribute('t') : time;
        for (var r = 0; r <= +(s.getAttribute('r') || 0); r++) {
          vars.Number = number++;
          vars.Time = time;
          media.push(fill(t.getAttribute('media'), vars));
          time += +s.getAttribute('d');
        }
      }
    } else {
      var count = Math.ceil(total / (+t.getAttribute('duration') / timescale) - 1e-9);
      for (var i = 0; i < count; i++) {
        vars.Number = number + i;
        media.push(fill(t.getAttribute('media'), vars));
      }
    }
    return {
      init: new URL(fill(t.getAttribute('initialization'), vars), base).href,
      media: media.map(function (m) { return new URL(m, base).href; })
    };
  }

  function append(buffer, bytes) {
    return new Promise(function (resolve, reject) {
      buffer.addEventListener('updateend', resolve, { once: true });
      buffer.addEventListener('error', function () { reject(new Error('SourceBuffer error')); }, { once: true });
      buffer.appendBuffer(bytes);
    });
  }

  async function fetchBytes(url) {
    var response = await fetch(url);
    if (!response.ok) {
      throw new Error(url + ': HTTP ' + response.status);
    }
    return response.arrayBuffer();
  }

  async function feed(source, choice, base, total) {
    var rep = choice.rep;
    var type = (rep.getAttribute('mimeType') || choice.set.getAttribute('mimeType'))
        + '; codecs="' + (rep.getAttribute('codecs') || choice.set.getAttribute('codecs')) + '"';
    if (!MediaSource.isTypeSupported(type)) {
      throw new Error('this browser cannot play ' + type);
    }
    var buffer = source.addSourceBuffer(type);
    var urls = segments(rep, choice.set, base, total);
    await append(buffer, await fetchBytes(urls.init));
    for (var i = 0; i < urls.media.length; i++) {
      await append(buffer, await fetchBytes(urls.media[i]));
    }
  }

  async function play(video) {
    var base = new URL(video.dataset.dash, location.href).href;
    var mpd = new DOMParser().parseFromString(await (await fetch(base)).text(), 'application/xml');
    var root = mpd.documentElement;
    if (root.localName !== 'MPD' || root.getAttribute('type') === 'dynamic') {
      throw new Error('not a static MPD');
    }
    var total = seconds(root.getAttribute('mediaPresentationDuration'));
    var lowest = new URLSearchParams(location.search).get('rendition') === 'lowest';
    var video_ = null;
    var audio = null;
    Array.prototype.forEach.call(mpd.getElementsByTagNameNS('*', 'AdaptationSet'), function (set) {
      Array.prototype.forEach.call(set.getElementsByTagNameNS('*', 'Representation'), function (rep) {
        var kind = set.getAttribute('contentType')
            || (rep.getAttribute('mimeType') || set.getAttribute('mimeType') || '').split('/')[0];
        var bandwidth = +rep.getAttribute('bandwidth');
        if (kind === 'video' && (!video_ || (lowest ? bandwidth < video_.bandwidth : bandwidth > video_.bandwidth))) {
          video_ = { set: set, rep: rep, bandwidth: bandwidth };
        } else if (kind === 'audio' && (!audio || bandwidth > audio.bandwidth)) {
          audio = { set: set, rep: rep, bandwidth: bandwidth };
        }
      });
    });
    if (!video_) {
      throw new Error('no video Representation in the MPD');
    }
    document.body.dataset.level = video_.rep.getAttribute('width') + 'x' + video_.rep.getAttribute('height');
    var source = new MediaSource();
    video.src = URL.createObjectURL(source);
    await new Promise(function (resolve) { source.addEventListener('sourceopen', resolve, { once: true }); });
    source.duration = total;
    var feeds = [feed(source, video_, base, total)];
    if (audio) {
      feeds.push(feed(source, audio, base, total));
    }
    video.play().catch(function (e) { status('error: play() ' + e); });
    await Promise.all(feeds);
    source.endOfStream();
  }

  document.querySelectorAll('video[data-dash]').forEach(function (video) {
    video.addEventListener('playing', function () { status('playing'); });
    play(video).catch(function (e) { status('error: ' + e.message); });
  });
})();
