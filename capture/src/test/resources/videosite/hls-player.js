// The video test site's HLS player: plays each <video data-hls="PLAYLIST"> with hls.js (lib/hls.min.js), muted.
// Like a site that saves bandwidth, it starts at the lowest rendition (hls.js sorts levels by bit rate, lowest
// first, so startLevel 0) and caps the level to the player's size in CSS pixels, whatever the device pixel ratio:
// the 320x180 player never asks for more, so a capture that keeps only what the player fetched misses the best
// rendition.
// The page's <body> tells how it went: data-player="playing" or "error: ...", data-level="320x180".
(function () {
  function status(text) {
    document.body.dataset.player = text;
  }
  document.querySelectorAll('video[data-hls]').forEach(function (video) {
    if (!window.Hls || !Hls.isSupported()) {
      status('error: hls.js cannot play here (no MediaSource)');
      return;
    }
    var hls = new Hls({ startLevel: 0, capLevelToPlayerSize: true, ignoreDevicePixelRatio: true });
    hls.on(Hls.Events.ERROR, function (event, data) {
      if (data.fatal) {
        status('error: ' + data.type + ' ' + data.details);
      }
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, function (event, data) {
      var level = hls.levels[data.level];
      document.body.dataset.level = level.width + 'x' + level.height;
    });
    hls.on(Hls.Events.MANIFEST_PARSED, function () {
      video.play().catch(function (e) { status('error: play() ' + e); });
    });
    video.addEventListener('playing', function () { status('playing'); });
    hls.loadSource(video.dataset.hls);
    hls.attachMedia(video);
    window.hls = hls;
  });
})();
