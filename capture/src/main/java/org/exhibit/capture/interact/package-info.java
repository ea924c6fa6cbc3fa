/**
 * The interaction pass: what Exhibit clicks on a page so that a person's view of it is captured (consent banners,
 * age gates, "load more" controls), and the walls it cannot pass (login walls, age gates left closed). Every click
 * is made by the page steps as a recorded step.
 */
package org.exhibit.capture.interact;
