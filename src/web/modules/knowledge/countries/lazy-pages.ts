import { lazyRouteComponent } from '@tanstack/react-router';

// Loaded on first visit: the map (Leaflet, boundaries) and the charts (ECharts) stay out of the main bundle.
export const LazyCountriesPage = lazyRouteComponent(() => import('./countries-page.js'), 'CountriesPage');
export const LazyCountryPage = lazyRouteComponent(() => import('./country-page.js'), 'CountryPage');
