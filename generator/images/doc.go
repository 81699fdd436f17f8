// Package images gives the local images of pages what the browser needs
// to lay them out and load them well: their width and height, read from
// the file's header once per content; lazy loading below the first image;
// and, for a raster image wider than the site's images.max_width, smaller
// versions and WebP versions offered through srcset, made on all cores and
// kept in a cache folder (Cache) so a rebuild encodes nothing unchanged.
package images
