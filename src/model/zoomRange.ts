/**
 * The zoom range of the map. The embedded base map's data stops at 13; over an online base map
 * (street-level tiles) one can zoom further, and the providers go to 18 or more. Story chapters
 * keep to the embedded range so that they open the same over any base map.
 */
export const MIN_ZOOM = 5;
export const MAX_ZOOM = 13;
export const ONLINE_MAX_ZOOM = 18;
